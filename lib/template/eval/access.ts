import { nearestName } from '../../playbook/didYouMean.js';
import { aType, hasOwnKey, isDict, refuseForbidden } from '../data.js';
import { Literal } from '../Literal.js';
import { fail } from '../TemplateFault.js';
import { Undefined } from '../Undefined.js';

/** Names for messages: the missing path and the container it was looked up in. */
export interface PathNames {
  path(): string;
  target(): string;
}

// `a.b`, `a['b']`, `a[0]`, `a[-1]`: own data only; a missing key is Undefined (for `default`), a prototype key is refused.
export function getItem(container: unknown, key: unknown, names: PathNames): unknown {
  if (container instanceof Undefined) return container;
  if (typeof key === 'string') refuseForbidden(key);
  const missing = (hint: string | (() => string | undefined)): Undefined => new Undefined(`'${names.path()}' is undefined`, hint);
  if (Array.isArray(container) || typeof container === 'string') {
    if (typeof key !== 'number' || !Number.isInteger(key)) {
      return missing(`'${names.target()}' is ${aType(container)}: index it with a number, or use a filter such as | length`);
    }
    const i = key < 0 ? container.length + key : key;
    if (i >= 0 && i < container.length) return dataOf(container[i]);
    return missing(`index ${key} is out of range: '${names.target()}' has ${container.length} ${Array.isArray(container) ? 'items' : 'characters'}`);
  }
  if (isDict(container)) {
    if (typeof key !== 'string' && typeof key !== 'number') fail(`a dict key must be a string or a number, not ${aType(key)}`);
    const name = String(key);
    if (hasOwnKey(container, name)) return dataOf(container[name]);
    return missing(() => suggestKey(name, Object.keys(container), names.target()));
  }
  if (container === null || container === undefined) return missing(`'${names.target()}' is none`);
  return missing(`'${names.target()}' is ${aType(container)}, which has no attributes; use a filter instead (| length, | lower …)`);
}

/** Follows a dotted path (`attribute='a.b'` of sort, map, selectattr) from a value. */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  const seen: string[] = [];
  for (const part of path.split('.')) {
    const key = /^-?\d+$/.test(part) && Array.isArray(current) ? Number(part) : part;
    const target = seen.join('.') || 'the item';
    seen.push(part);
    const shown = seen.join('.');
    current = getItem(current, key, { path: () => shown, target: () => target });
  }
  return current;
}

/** Values read out of data: a function is never handed to a template, a Literal gives its content. */
export function dataOf(value: unknown): unknown {
  if (typeof value === 'function') fail('the value is a function, not data', 'ferry expressions read data only');
  if (value instanceof Literal) return value.value;
  return value;
}

function suggestKey(key: string, keys: string[], target: string): string {
  const near = nearestName(key, keys);
  if (near !== undefined) return `did you mean '${target}.${near}'?`;
  if (keys.length === 0) return `'${target}' is an empty dict`;
  const shown = keys.slice(0, 10).join(', ');
  return `'${target}' has: ${shown}${keys.length > 10 ? ', …' : ''}`;
}
