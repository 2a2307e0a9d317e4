import { aType, hasOwnKey, isDict } from '../data.js';
import { deepEqual } from '../deepEqual.js';
import type { CompareOp } from '../syntax/ast.js';
import { fail } from '../TemplateFault.js';

// Comparisons as Python makes them: `==` by content, order only between numbers or between strings, `in` on strings, lists and dicts.
export function compare(op: CompareOp, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return deepEqual(a, b);
    case '!=':
      return !deepEqual(a, b);
    case 'in':
      return contains(b, a);
    case 'not in':
      return !contains(b, a);
    default:
      return order(op, a, b);
  }
}

/** `item in container`. */
export function contains(container: unknown, item: unknown): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') fail(`'in' on a string needs a string on the left, not ${aType(item)}`);
    return container.includes(item);
  }
  if (Array.isArray(container)) return container.some((x) => deepEqual(x, item));
  if (isDict(container)) return (typeof item === 'string' || typeof item === 'number') && hasOwnKey(container, String(item));
  return fail(`'in' needs a string, a list or a dict on the right, not ${aType(container)}`);
}

/** -1, 0 or 1 between two numbers or two strings; the ordering behind <, sort, min and max. */
export function orderOf(a: unknown, b: unknown, what = 'compare'): number {
  const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!comparable) {
    const hint = typeof a === 'string' || typeof b === 'string' ? 'convert with | int or | string first' : undefined;
    fail(`cannot ${what} ${aType(a)} with ${aType(b)}`, hint);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function order(op: CompareOp, a: unknown, b: unknown): boolean {
  const c = orderOf(a, b);
  if (op === '<') return c < 0;
  if (op === '<=') return c <= 0;
  if (op === '>') return c > 0;
  return c >= 0;
}
