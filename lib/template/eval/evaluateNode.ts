import { refuseForbidden } from '../data.js';
import { applyFilter } from '../filters/applyFilter.js';
import { isTrue } from '../isTrue.js';
import type { Scope } from '../Scope.js';
import type { Node, NodeOf } from '../syntax/ast.js';
import { applyTest } from '../tests/applyTest.js';
import { fail } from '../TemplateFault.js';
import { defined } from '../Undefined.js';
import { getItem } from './access.js';
import { arithmetic } from './arithmetic.js';
import { compare } from './compare.js';
import { describeNode } from './describeNode.js';
import { slice } from './slice.js';

// Walks an AST over plain data. The result may be an Undefined (a missing name or key), which only
// `is defined`, `is undefined` and `default` accept; every other use turns it into UNDEFINED_VAR.
export function evaluateNode(node: Node, scope: Scope): unknown {
  const value = (n: Node): unknown => defined(evaluateNode(n, scope));
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'name':
      return scope.lookup(node.name);
    case 'list':
      return node.items.map(value);
    case 'dict':
      return dictOf(node, value);
    case 'get': {
      const names = { path: () => describeNode(node), target: () => describeNode(node.target) };
      return getItem(evaluateNode(node.target, scope), value(node.key), names);
    }
    case 'slice':
      return slice(value(node.target), opt(node.start, value), opt(node.stop, value), opt(node.step, value));
    case 'unary':
      return unary(node.op, value(node.operand));
    case 'binary':
      return arithmetic(node.op, value(node.left), value(node.right));
    case 'logic': {
      const left = value(node.left);
      const pass = node.op === 'and' ? isTrue(left) : !isTrue(left);
      return pass ? evaluateNode(node.right, scope) : left;
    }
    case 'compare':
      return compareChain(node, value);
    case 'filter':
      return filterOf(node, scope, value);
    case 'test':
      return applyTest(node.name, evaluateNode(node.target, scope), node.args.map(value), kwargsOf(node, value)) !== node.negated;
    case 'cond':
      if (isTrue(value(node.test))) return evaluateNode(node.then, scope);
      return node.else ? evaluateNode(node.else, scope) : null;
  }
}

function opt(node: Node | undefined, value: (n: Node) => unknown): unknown {
  return node ? value(node) : undefined;
}

function dictOf(node: NodeOf<'dict'>, value: (n: Node) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [keyNode, valueNode] of node.entries) {
    const key = value(keyNode);
    if (typeof key !== 'string' && typeof key !== 'number') fail('dict keys must be strings or numbers');
    refuseForbidden(String(key));
    out[String(key)] = value(valueNode);
  }
  return out;
}

function unary(op: '-' | '+' | 'not', operand: unknown): unknown {
  if (op === 'not') return !isTrue(operand);
  if (typeof operand !== 'number') fail(`unary '${op}' needs a number`, 'convert with | int or | float first');
  return op === '-' ? -operand : operand;
}

function compareChain(node: NodeOf<'compare'>, value: (n: Node) => unknown): boolean {
  let left = value(node.first);
  for (const [op, rightNode] of node.rest) {
    const right = value(rightNode);
    if (!compare(op, left, right)) return false;
    left = right;
  }
  return true;
}

function filterOf(node: NodeOf<'filter'>, scope: Scope, value: (n: Node) => unknown): unknown {
  const target = evaluateNode(node.target, scope);
  return applyFilter(node.name, target, node.args.map(value), kwargsOf(node, value));
}

/** Keyword arguments in a prototype-less object, so no name can reach Object.prototype. */
function kwargsOf(node: NodeOf<'filter' | 'test'>, value: (n: Node) => unknown): Record<string, unknown> {
  const kwargs = Object.create(null) as Record<string, unknown>;
  for (const [key, arg] of node.kwargs) kwargs[key] = value(arg);
  return kwargs;
}
