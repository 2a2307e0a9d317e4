import type { RawInventory } from './RawInventory.js';

/** Path of child names from `from` down to `to`, or undefined when `to` is not below `from`. */
function pathDown(raw: RawInventory, from: string, to: string, seen = new Set<string>()): string[] | undefined {
  if (from === to) return [from];
  if (seen.has(from)) return undefined;
  seen.add(from);
  for (const child of raw.groups.get(from)?.children ?? []) {
    const rest = pathDown(raw, child, to, seen);
    if (rest) return [from, ...rest];
  }
  return undefined;
}

// Adding parent → child must not close a loop: returns the loop (e.g. ['a', 'b', 'a']) it would make, if any.
export function groupCycle(raw: RawInventory, parent: string, child: string): string[] | undefined {
  const back = pathDown(raw, child, parent);
  return back ? [parent, ...back] : undefined;
}
