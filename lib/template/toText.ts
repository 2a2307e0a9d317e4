import { fail } from './TemplateFault.js';

// How a value reads inside mixed text: strings as is, numbers as JS prints them, true/false lower-case,
// none as the empty string, lists and dicts as compact JSON. (Jinja would print True and None; ferry prints
// what a shell, an env file or a JSON API expects.)
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return toJson(value);
}

/** JSON text of a value, or a TEMPLATE error for data JSON cannot hold (a cycle). */
export function toJson(value: unknown, indent?: number, sortKeys = false): string {
  try {
    const data = sortKeys ? sortedCopy(value) : value;
    return JSON.stringify(data, null, indent) ?? 'null';
  } catch (error) {
    if (error instanceof TypeError) return fail('the value cannot be written as JSON (it refers to itself)');
    throw error;
  }
}

function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return Object.fromEntries(keys.map((k) => [k, sortedCopy((value as Record<string, unknown>)[k])]));
  }
  return value;
}
