import { directHostsOf } from './inventoryListing.js';
import type { Inventory } from './types.js';

/** `  |` once per level, then `--`, as ansible-inventory draws it. */
function line(name: string, depth: number): string {
  return depth === 0 ? name : `${'  |'.repeat(depth)}--${name}`;
}

// The text of `ansible-inventory --graph`: each group's children first, then its own hosts; a group under two parents shows twice.
export function inventoryGraph(inv: Inventory): string {
  const lines: string[] = [];
  const draw = (name: string, depth: number, path: ReadonlySet<string>): void => {
    const group = inv.groups.get(name);
    if (!group || path.has(name)) return;
    lines.push(line(`@${name}:`, depth));
    const inner = new Set([...path, name]);
    for (const child of group.children) draw(child, depth + 1, inner);
    if (name !== 'all') for (const host of directHostsOf(inv, group)) lines.push(line(host, depth + 1));
  };
  draw('all', 0, new Set());
  return lines.join('\n');
}
