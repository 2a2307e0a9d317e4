import { hasOwnKey, isDict } from './data.js';

// `==` compares lists and dicts by content, as Jinja does, not by identity.
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isDict(a) && isDict(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => hasOwnKey(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}
