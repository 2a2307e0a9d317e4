import { isDict } from '../../template/data.js';
import { Literal } from '../../template/Literal.js';
import type { Node } from '../../template/syntax/ast.js';
import { parseBare, parseTemplate } from '../../template/syntax/parseTemplate.js';

const GUARD_FILTERS = new Set(['default', 'd']);
const GUARD_TESTS = new Set(['defined', 'undefined']);

/** How a value is read: as text with `{{ }}`, or as a bare expression (`when:`). */
export type ReadAs = 'template' | 'expression';

// The variables a value cannot do without. A name that one expression guards anywhere (`x is defined and x.y`,
// `x | default(1)`, `x.y if x is defined`) is left out for that whole expression: Ansible's `and`, `or` and
// `if` never read the other side, so only a name read with no guard at all must be known before the run.
// The value must already have passed `referencedNames` (the syntax check).
export function requiredNames(value: unknown, readAs: ReadAs): string[] {
  const out = new Set<string>();
  forEachString(value, readAs, (source) => {
    const nodes = readAs === 'expression' ? [parseBare(source)] : parseTemplate(source).parts.filter(isNode);
    for (const node of nodes) {
      const used = new Set<string>();
      const guarded = new Set<string>();
      scan(node, false, used, guarded);
      for (const name of used) if (!guarded.has(name)) out.add(name);
    }
  });
  return [...out];
}

function isNode(part: string | Node): part is Node {
  return typeof part !== 'string';
}

function forEachString(value: unknown, readAs: ReadAs, fn: (s: string) => void): void {
  if (typeof value === 'string') {
    if (readAs === 'expression' || /\{[{%#]/.test(value)) fn(value);
  } else if (Array.isArray(value)) {
    value.forEach((v) => forEachString(v, readAs, fn));
  } else if (isDict(value) && !(value instanceof Literal)) {
    Object.values(value).forEach((v) => forEachString(v, 'template', fn));
  }
}

/** Walks an AST: names under a guard go to `guarded`, every other name read goes to `used`. */
function scan(node: Node, underGuard: boolean, used: Set<string>, guarded: Set<string>): void {
  const walk = (n: Node | undefined, g = false): void => {
    if (n) scan(n, g, used, guarded);
  };
  switch (node.type) {
    case 'name':
      (underGuard ? guarded : used).add(node.name);
      return;
    case 'literal':
      return;
    case 'get':
      walk(node.target, underGuard);
      walk(node.key);
      return;
    case 'filter':
    case 'test':
      walk(node.target, (node.type === 'filter' ? GUARD_FILTERS : GUARD_TESTS).has(node.name));
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
