import { didYouMean } from '../../playbook/didYouMean.js';
import { FILTERS } from '../filters/registry.js';
import { TESTS } from '../tests/registry.js';
import type { Node } from './ast.js';
import { parseConditional } from './parseExpression.js';
import { parseSequence } from './parsePrimary.js';
import type { TokenCursor } from './TokenCursor.js';

/** `target | name` or `target | name(args)`; an unknown filter is a syntax error with a suggestion. */
export function parseFilter(c: TokenCursor, target: Node): Node {
  c.expectOp('|');
  const t = c.expectName('a filter name after |');
  const name = t.value;
  if (!FILTERS.includes(name)) {
    throw c.errorAt(t, `unknown filter '${name}'`, didYouMean(name, FILTERS) ?? `ferry's filters: ${FILTERS.join(', ')}`);
  }
  const { args, kwargs } = c.atOp('(') ? parseArgs(c) : { args: [], kwargs: [] };
  return { type: 'filter', name, target, args, kwargs };
}

/** `target is [not] name` or `target is name(args)`. */
export function parseTest(c: TokenCursor, target: Node): Node {
  c.next();
  const negated = c.atWord('not');
  if (negated) c.next();
  const t = c.expectName("a test name after 'is'");
  const name = t.value;
  if (!TESTS.includes(name)) {
    throw c.errorAt(t, `unknown test '${name}'`, didYouMean(name, TESTS) ?? `ferry's tests: ${TESTS.join(', ')}`);
  }
  const { args, kwargs } = c.atOp('(') ? parseArgs(c) : { args: [], kwargs: [] };
  return { type: 'test', name, negated, target, args, kwargs };
}

type Arg = { key?: string; value: Node };

/** `(a, b, key=c)`: positional arguments first, then keyword arguments, as in Python. */
function parseArgs(c: TokenCursor): { args: Node[]; kwargs: Array<[string, Node]> } {
  let seenKeyword = false;
  const all = parseSequence<Arg>(c, '(', ')', () => {
    if (c.peek().kind === 'name' && c.atOp('=', 1)) {
      const key = c.next().value as string;
      c.next();
      seenKeyword = true;
      return { key, value: parseConditional(c) };
    }
    const at = c.peek();
    const value = parseConditional(c);
    if (seenKeyword) throw c.errorAt(at, 'a positional argument follows a keyword argument');
    return { value };
  });
  return {
    args: all.filter((a) => a.key === undefined).map((a) => a.value),
    kwargs: all.filter((a): a is Required<Arg> => a.key !== undefined).map((a) => [a.key, a.value]),
  };
}
