import { nearestName } from '../../playbook/didYouMean.js';
import { aType, hasOwnKey, isDict, refuseForbidden } from '../data.js';
import { Literal } from '../Literal.js';
import type { NodeOf } from '../syntax/ast.js';
import { fail } from '../TemplateFault.js';
import { Undefined } from '../Undefined.js';
import { describeNode } from './describeNode.js';

/** What a lookup was, for messages only: an AST path, or one step of a dotted `attribute=` path. */
export type PathRef = { node: NodeOf<'get'> } | { parts: string[]; index: number };

function pathOf(ref: PathRef): string {
  return 'node' in ref ? describeNode(ref.node) : ref.parts.slice(0, ref.index + 1).join('.');
}

function targetOf(ref: PathRef): string {
  return 'node' in ref ? describeNode(ref.node.target) : ref.parts.slice(0, ref.index).join('.') || 'the item';
}

function missing(ref: PathRef, hint: string | (() => string | undefined)): Undefined {
  return new Undefined(`'${pathOf(ref)}' is undefined`, hint);
}

// `a.b`, `a['b']`, `a[0]`, `a[-1]`: own data only; a missing key is Undefined (for `default`), a prototype key is refused.
export function getItem(container: unknown, key: unknown, ref: PathRef): unknown {
  if (container instanceof Undefined) return container;
  if (typeof key === 'string') refuseForbidden(key);
  if (Array.isArray(container) || typeof container === 'string') {
    if (typeof key !== 'number' || !Number.isInteger(key)) {
      return missing(ref, `'${targetOf(ref)}' is ${aType(container)}: index it with a number, or use a filter such as | length`);
    }
    const i = key < 0 ? container.length + key : key;
    if (i >= 0 && i < container.length) return dataOf(container[i]);
    const unit = Array.isArray(container) ? 'items' : 'characters';
    return missing(ref, `index ${key} is out of range: '${targetOf(ref)}' has ${container.length} ${unit}`);
  }
  if (isDict(container)) {
    if (typeof key !== 'string' && typeof key !== 'number') fail(`a dict key must be a string or a number, not ${aType(key)}`);
    const name = String(key);
    if (hasOwnKey(container, name)) return dataOf(container[name]);
    return missing(ref, () => suggestKey(name, Object.keys(container), targetOf(ref)));
  }
  if (container === null || container === undefined) return missing(ref, `'${targetOf(ref)}' is none`);
  return missing(ref, `'${targetOf(ref)}' is ${aType(container)}, which has no attributes; use a filter instead (| length, | lower …)`);
}

/** Follows a dotted path (`attribute='a.b'` of sort, map, selectattr) from a value. */
export function getPath(value: unknown, path: string): unknown {
  const parts = path.split('.');
  let current = value;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    const key = Array.isArray(current) && /^-?\d+$/.test(part) ? Number(part) : part;
    current = getItem(current, key, { parts, index });
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
