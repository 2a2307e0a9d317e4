import { fail } from './TemplateFault.js';

/** A dict as templates see it: a plain object (other objects are opaque). */
export type Dict = Record<string, unknown>;

/** Keys that lead from data to code in JavaScript: never read, never written. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['constructor', '__proto__', 'prototype']);

/** Refuses a key that would reach an object's prototype or constructor. */
export function refuseForbidden(key: string): void {
  if (FORBIDDEN_KEYS.has(key)) {
    fail(`access to '${key}' is refused`, 'ferry expressions read data only, never prototypes or constructors');
  }
}

/** True for `{}`-style objects (YAML and JSON maps), not for arrays, class instances or functions. */
export function isDict(value: unknown): value is Dict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True when `key` is an own enumerable property: inherited members are invisible to templates. */
export function hasOwnKey(dict: object, key: string): boolean {
  return Object.prototype.propertyIsEnumerable.call(dict, key);
}

/** Type names used in messages; Python's names where an Ansible user looks for them (type_debug). */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return 'list';
  if (isDict(value)) return 'dict';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
  return typeof value;
}

/** `a list`, `an integer`: the article reads better in messages. */
export function aType(value: unknown): string {
  const name = typeName(value);
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}
