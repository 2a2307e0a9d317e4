import type { Pos } from '../playbook/types.js';
import { isDict } from './data.js';
import { Literal } from './Literal.js';
import type { Node } from './syntax/ast.js';
import { parseBare, parseTemplate } from './syntax/parseTemplate.js';
import { atPos } from './TemplateFault.js';

/** How referencedNames reads its input. */
export interface ReferenceOptions {
  /** Read a string as a bare expression (`when:`) rather than as text with `{{ }}`. */
  expression?: boolean;
  /** Leave out names an expression guards anywhere (`is defined`, `is undefined`, `| default`): Jinja's `and`, `or`
   * and `if` never read the other side, so `x is defined and x.y` may run without `x`. */
  requiredOnly?: boolean;
  /** Where a syntax error is reported. */
  where?: Pos;
}

const GUARD_FILTERS = new Set(['default', 'd']);
const GUARD_TESTS = new Set(['defined', 'undefined']);

// The top-level variable names a value or expression reads, in order of first use, for load-time checks.
// Parsing is the check too: a syntax error, an unknown filter or test, throws a TEMPLATE FerryError.
export function referencedNames(exprOrValue: unknown, options: ReferenceOptions = {}): string[] {
  const required = new Set<string>();
  const all = new Set<string>();
  const visit = (node: Node): void => {
    const used = new Set<string>();
    const guarded = new Set<string>();
    collect(node, false, used, guarded, all);
    for (const name of used) if (!guarded.has(name)) required.add(name);
  };
  atPos(options.where, () => {
    if (options.expression && typeof exprOrValue === 'string') visit(parseBare(exprOrValue));
    else forEachString(exprOrValue, (s) => parseTemplate(s).parts.forEach((p) => typeof p !== 'string' && visit(p)));
  });
  return [...all].filter((name) => !options.requiredOnly || required.has(name));
}

function forEachString(value: unknown, fn: (s: string) => void): void {
  if (typeof value === 'string') {
    if (value.includes('{')) fn(value);
  } else if (Array.isArray(value)) {
    value.forEach((v) => forEachString(v, fn));
  } else if (isDict(value) && !(value instanceof Literal)) {
    for (const key of Object.keys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d && !d.get) forEachString(d.value, fn);
    }
  }
}

/** Walks an AST: names read under a default filter or a defined test go to `guarded`, every other name to `used`. */
function collect(node: Node, guarded: boolean, used: Set<string>, guardedNames: Set<string>, all: Set<string>): void {
  const walk = (n: Node | undefined, g = false): void => {
    if (n) collect(n, g, used, guardedNames, all);
  };
  switch (node.type) {
    case 'name':
      all.add(node.name);
      (guarded ? guardedNames : used).add(node.name);
      return;
    case 'literal':
      return;
    case 'get':
      walk(node.target, guarded);
      walk(node.key);
      return;
    case 'filter':
      walk(node.target, GUARD_FILTERS.has(node.name));
      node.args.forEach((a) => walk(a));
      node.kwargs.forEach(([, a]) => walk(a));
      return;
    case 'test':
      walk(node.target, GUARD_TESTS.has(node.name));
      node.args.forEach((a) => walk(a));
      node.kwargs.forEach(([, a]) => walk(a));
      return;
    case 'list':
      node.items.forEach((i) => walk(i));
      return;
    case 'dict':
      node.entries.forEach((entry) => entry.forEach((n) => walk(n)));
      return;
    case 'slice':
      [node.target, node.start, node.stop, node.step].forEach((n) => walk(n));
      return;
    case 'unary':
      walk(node.operand);
      return;
    case 'binary':
    case 'logic':
      walk(node.left);
      walk(node.right);
      return;
    case 'compare':
      walk(node.first);
      node.rest.forEach(([, n]) => walk(n));
      return;
    case 'cond':
      [node.test, node.then, node.else].forEach((n) => walk(n));
  }
}
