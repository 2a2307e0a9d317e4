import { aType, type Dict, isDict } from '../data.js';
import { fail } from '../TemplateFault.js';

function wrong(filter: string, wanted: string, value: unknown, arg?: string): never {
  const what = arg ? `argument '${arg}' of filter '${filter}'` : `filter '${filter}'`;
  const subject = arg ? `${what} must be ${wanted}` : `${what} expects ${wanted}`;
  return fail(`${subject}, got ${aType(value)}`);
}

// Text input: strings, and numbers read as their digits; anything else is the wrong type.
export function asString(value: unknown, filter: string, arg?: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return wrong(filter, 'a string', value, arg);
}

/** A list; a dict or a string is the wrong type here (use | dict2items or | list). */
export function asList(value: unknown, filter: string, arg?: string): unknown[] {
  if (Array.isArray(value)) return value;
  return wrong(filter, 'a list', value, arg);
}

export function asDict(value: unknown, filter: string, arg?: string): Dict {
  if (isDict(value)) return value;
  return wrong(filter, 'a dict', value, arg);
}

export function asNumber(value: unknown, filter: string, arg?: string): number {
  if (typeof value === 'number') return value;
  return wrong(filter, 'a number', value, arg);
}

export function asInteger(value: unknown, filter: string, arg?: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return wrong(filter, 'an integer', value, arg);
}

/** An optional argument: null or undefined stay undefined. */
export function optString(value: unknown, filter: string, arg: string): string | undefined {
  return value === null || value === undefined ? undefined : asString(value, filter, arg);
}
