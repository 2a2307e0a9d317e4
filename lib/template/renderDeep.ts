import { dataOf } from './eval/access.js';
import { evaluateNode } from './eval/evaluateNode.js';
import { isDict } from './data.js';
import { MAX_DATA_DEPTH } from './limits.js';
import type { Scope } from './Scope.js';
import { parseTemplate } from './syntax/parseTemplate.js';
import { fail } from './TemplateFault.js';
import { toText } from './toText.js';
import { defined } from './Undefined.js';

const views = new WeakSet<object>();

/** Marks an object whose values a Scope already renders on access (hostvars views): copied by reference. */
export function markRendered(view: object): void {
  views.add(view);
}

// Renders every string inside a value and returns a copy; getter-backed properties stay lazy, Literals are unwrapped verbatim.
export function renderDeep(value: unknown, scope: Scope, depth = 0): unknown {
  if (depth > MAX_DATA_DEPTH) fail(`data nests deeper than ${MAX_DATA_DEPTH} levels`, 'a value probably contains itself');
  if (typeof value === 'string') return renderString(value, scope);
  if (Array.isArray(value)) return value.map((item) => renderDeep(item, scope, depth + 1));
  if (isDict(value)) return views.has(value) ? value : renderDict(value, scope, depth);
  return dataOf(value);
}

/** One string: a lone `{{ expr }}` keeps the value's type, anything else becomes text. */
export function renderString(source: string, scope: Scope): unknown {
  if (!source.includes('{')) return source;
  const template = parseTemplate(source);
  if (template.lone) return defined(evaluateNode(template.lone, scope));
  let out = '';
  for (const part of template.parts) out += typeof part === 'string' ? part : toText(defined(evaluateNode(part, scope)));
  return out;
}

function renderDict(dict: Record<string, unknown>, scope: Scope, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(dict)) {
    const descriptor = Object.getOwnPropertyDescriptor(dict, key);
    if (descriptor?.get) Object.defineProperty(out, key, { get: descriptor.get, enumerable: true, configurable: true });
    else if (key === '__proto__') Object.defineProperty(out, key, { value: renderDeep(descriptor?.value, scope, depth + 1), enumerable: true, writable: true, configurable: true });
    else out[key] = renderDeep(descriptor?.value, scope, depth + 1);
  }
  return out;
}
