import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FerryErrors } from '../../errors/FerryError.js';
import { applyLimit, loadInventory } from '../../inventory/index.js';
import { problemsOf } from '../loadRunInputs.js';
import type { Shard } from './parseShard.js';
import { shardHosts } from './shardHosts.js';

/** What a sharded run works on: a limit naming exactly this slice's hosts, or nothing at all. */
export type ShardedLimit =
  | { kind: 'hosts'; limit: string; hosts: string[]; total: number; cleanup(): Promise<void> }
  | { kind: 'empty'; total: number };

// The slice as a `--limit @FILE` of exact host names: the run then treats it like any limit (the whole inventory stays
// visible to hostvars and groups, only the work is narrowed), whatever characters the names hold. The user's own
// --limit is applied first, so `--limit web --shard 2/4` is the second quarter of the web hosts.
export async function shardLimit(inventoryFile: string, limit: string | undefined, shard: Shard): Promise<ShardedLimit> {
  const inventory = await loadInventory(path.resolve(inventoryFile)).catch((err: unknown) => {
    throw new FerryErrors(problemsOf(err));
  });
  const all = [...inventory.hosts.keys()];
  const candidates = limit ? applyLimit(inventory, all, limit) : all;
  const hosts = shardHosts(candidates, shard);
  if (hosts.length === 0) return { kind: 'empty', total: candidates.length };
  const dir = await mkdtemp(path.join(tmpdir(), 'ferry-shard-'));
  const file = path.join(dir, `shard-${shard.index}-of-${shard.count}`);
  await writeFile(file, `# ferry --shard ${shard.index}/${shard.count}\n${hosts.join('\n')}\n`, { mode: 0o600 });
  return { kind: 'hosts', limit: `@${file}`, hosts, total: candidates.length, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
