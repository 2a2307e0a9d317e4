import type { Shard } from './parseShard.js';

// Deals the hosts out like cards: sorted by name (code points, so every machine sorts alike), the i-th goes to slice
// i mod N. Every host lands in exactly one slice and the slices differ in size by one at most, so no CI job waits for
// an overfull sibling. A hash of the name would keep a host in its slice when others come and go, but gives uneven
// slices on small fleets; each CI run deals all its slices from one inventory, so balance is what matters.
export function shardHosts(hosts: readonly string[], shard: Shard): string[] {
  const sorted = [...new Set(hosts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
