import { getPath } from '../eval/access.js';
import { defined } from '../Undefined.js';

// The value a list filter compares or joins: the item, or its `attribute=` path, lower-cased unless case-sensitive.
export function itemKey(item: unknown, attribute: unknown, caseSensitive = true): unknown {
  const value = typeof attribute === 'string' ? defined(getPath(item, attribute)) : item;
  return !caseSensitive && typeof value === 'string' ? value.toLowerCase() : value;
}
