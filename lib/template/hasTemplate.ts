import { isDict } from './data.js';
import { Literal } from './Literal.js';

const MARK = /\{[{%#]/;

// True when a value holds a string with `{{`, `{%` or `{#` anywhere inside (the last two only to be refused
// when rendered). Literal values never count; getter-backed properties are not read.
export function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return MARK.test(value);
  if (value instanceof Literal) return false;
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (!isDict(value)) return false;
  return Object.keys(value).some((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    return descriptor !== undefined && !descriptor.get && hasTemplate(descriptor.value);
  });
}
