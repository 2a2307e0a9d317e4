import { isDict } from './data.js';

// Jinja's truthiness, for when / changed_when / failed_when: false, none, 0, '', [] and {} are false, and
// everything else is true, including the strings 'false' and 'no' (use `| bool` to read those as yes/no).
// A YAML `when: false` arrives as the boolean false; a quoted 'False' is an expression and evaluates to false.
export function isTrue(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return Object.keys(value).length > 0;
  return true;
}
