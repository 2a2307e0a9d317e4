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
import { slice } from './slice.js';

// Walks an AST over plain data. The result may be an Undefined (a missing name or key), which only
// `is defined`, `is undefined` and `default` accept; every other use turns it into UNDEFINED_VAR.
export function evaluateNode(node: Node, scope: Scope): unknown {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'name':
      return scope.lookup(node.name);
    case 'list':
      return values(node.items, scope);
    case 'dict':
      return dictOf(node, scope);
    case 'get':
      return getItem(evaluateNode(node.target, scope), value(node.key, scope), { node });
    case 'slice':
      return slice(value(node.target, scope), opt(node.start, scope), opt(node.stop, scope), opt(node.step, scope));
    case 'unary':
      return unary(node.op, value(node.operand, scope));
    case 'binary':
      return arithmetic(node.op, value(node.left, scope), value(node.right, scope));
    case 'logic': {
      const left = value(node.left, scope);
      const pass = node.op === 'and' ? isTrue(left) : !isTrue(left);
      return pass ? evaluateNode(node.right, scope) : left;
    }
    case 'compare':
      return compareChain(node, scope);
    case 'filter':
      return applyFilter(node.name, evaluateNode(node.target, scope), values(node.args, scope), kwargsOf(node, scope));
    case 'test': {
      const target = evaluateNode(node.target, scope);
      return applyTest(node.name, target, values(node.args, scope), kwargsOf(node, scope)) !== node.negated;
    }
    case 'cond':
      if (isTrue(value(node.test, scope))) return evaluateNode(node.then, scope);
      return node.else ? evaluateNode(node.else, scope) : null;
  }
}

/** A node's value where an undefined one is an error. */
function value(node: Node, scope: Scope): unknown {
  return defined(evaluateNode(node, scope));
}

function values(nodes: Node[], scope: Scope): unknown[] {
  const out = new Array<unknown>(nodes.length);
  for (let i = 0; i < nodes.length; i++) out[i] = value(nodes[i], scope);
  return out;
}

function opt(node: Node | undefined, scope: Scope): unknown {
  return node ? value(node, scope) : undefined;
}

function dictOf(node: NodeOf<'dict'>, scope: Scope): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [keyNode, valueNode] of node.entries) {
    const key = value(keyNode, scope);
    if (typeof key !== 'string' && typeof key !== 'number') fail('dict keys must be strings or numbers');
    refuseForbidden(String(key));
    out[String(key)] = value(valueNode, scope);
  }
  return out;
}

function unary(op: '-' | '+' | 'not', operand: unknown): unknown {
  if (op === 'not') return !isTrue(operand);
  if (typeof operand !== 'number') fail(`unary '${op}' needs a number`, 'convert with | int or | float first');
  return op === '-' ? -operand : operand;
}

function compareChain(node: NodeOf<'compare'>, scope: Scope): boolean {
  let left = value(node.first, scope);
  for (const [op, rightNode] of node.rest) {
    const right = value(rightNode, scope);
    if (!compare(op, left, right)) return false;
    left = right;
  }
  return true;
}

/** Keyword arguments in a prototype-less object, so no name can reach Object.prototype. */
function kwargsOf(node: NodeOf<'filter' | 'test'>, scope: Scope): Record<string, unknown> {
  const kwargs = Object.create(null) as Record<string, unknown>;
  for (const [key, arg] of node.kwargs) kwargs[key] = value(arg, scope);
  return kwargs;
}
