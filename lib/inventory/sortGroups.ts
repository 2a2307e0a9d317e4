import type { RawInventory } from './RawInventory.js';

/** Each group's depth below `all` (all is 0), the longest way down, as Ansible counts it. */
export function groupDepths(raw: RawInventory): Map<string, number> {
  const depths = new Map<string, number>();
  const depthOf = (name: string, seen: Set<string>): number => {
    const known = depths.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0;
    seen.add(name);
    const parents = [...(raw.groups.get(name)?.parents ?? [])];
    const depth = parents.length === 0 ? 0 : Math.max(...parents.map((p) => depthOf(p, seen) + 1));
    depths.set(name, depth);
    return depth;
  };
  for (const name of raw.groups.keys()) depthOf(name, new Set());
  return depths;
}

// Group variables merge in Ansible's order: shallower groups first, then lower ansible_group_priority, then by name.
export function sortGroups(names: Iterable<string>, raw: RawInventory, depths: Map<string, number>): string[] {
  return [...names].sort((a, b) => {
    const da = depths.get(a) ?? 0;
    const db = depths.get(b) ?? 0;
    if (da !== db) return da - db;
    const pa = raw.groups.get(a)?.priority ?? 1;
    const pb = raw.groups.get(b)?.priority ?? 1;
    if (pa !== pb) return pa - pb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
