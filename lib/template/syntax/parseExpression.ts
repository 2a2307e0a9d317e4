import type { BinaryOp, CompareOp, Node } from './ast.js';
import { parseUnary } from './parsePrimary.js';
import { tokenize } from './tokenize.js';
import { TokenCursor } from './TokenCursor.js';

// Parses the expression source[start, end) into an AST, with Jinja's precedence:
// `x if c else y` < or < and < not < comparisons < + - < ~ < * / // % < ** < unary, filters, tests < postfix.
export function parseExpression(source: string, start = 0, end = source.length): Node {
  const cursor = new TokenCursor(source, tokenize(source, start, end));
  if (cursor.atEnd()) throw cursor.unexpected('expected an expression', 'write something between {{ and }}');
  const node = parseConditional(cursor);
  if (!cursor.atEnd()) throw cursor.unexpected(undefined, 'an operator or a closing bracket may be missing');
  return node;
}

/** `then if test else other`; a missing `else` gives none, as Jinja prints nothing. */
export function parseConditional(c: TokenCursor): Node {
  c.enter();
  let node = parseOr(c);
  while (c.atWord('if')) {
    c.next();
    const test = parseOr(c);
    let other: Node | undefined;
    if (c.atWord('else')) {
      c.next();
      other = parseConditional(c);
    }
    node = { type: 'cond', test, then: node, else: other };
  }
  c.leave();
  return node;
}

function parseOr(c: TokenCursor): Node {
  let node = parseAnd(c);
  while (c.atWord('or')) {
    c.next();
    node = { type: 'logic', op: 'or', left: node, right: parseAnd(c) };
  }
  return node;
}

function parseAnd(c: TokenCursor): Node {
  let node = parseNot(c);
  while (c.atWord('and')) {
    c.next();
    node = { type: 'logic', op: 'and', left: node, right: parseNot(c) };
  }
  return node;
}

function parseNot(c: TokenCursor): Node {
  if (!c.atWord('not')) return parseCompare(c);
  c.next();
  c.enter();
  const operand = parseNot(c);
  c.leave();
  return { type: 'unary', op: 'not', operand };
}

function parseCompare(c: TokenCursor): Node {
  const first = parseSum(c);
  const rest: Array<[CompareOp, Node]> = [];
  for (let op = compareOp(c); op; op = compareOp(c)) rest.push([op, parseSum(c)]);
  return rest.length ? { type: 'compare', first, rest } : first;
}

function compareOp(c: TokenCursor): CompareOp | undefined {
  const t = c.peek();
  if (t.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.value as string)) {
    c.next();
    return t.value as CompareOp;
  }
  if (c.atWord('in')) {
    c.next();
    return 'in';
  }
  if (c.atWord('not') && c.atWord('in', 1)) {
    c.next();
    c.next();
    return 'not in';
  }
  return undefined;
}

function parseSum(c: TokenCursor): Node {
  return binaryLevel(c, ['+', '-'], () => binaryLevel(c, ['~'], () => binaryLevel(c, ['*', '/', '//', '%'], () => parsePower(c))));
}

function parsePower(c: TokenCursor): Node {
  return binaryLevel(c, ['**'], () => parseUnary(c, true));
}

function binaryLevel(c: TokenCursor, ops: BinaryOp[], operand: () => Node): Node {
  let node = operand();
  for (let t = c.peek(); t.kind === 'op' && ops.includes(t.value as BinaryOp); t = c.peek()) {
    c.next();
    node = { type: 'binary', op: t.value as BinaryOp, left: node, right: operand() };
  }
  return node;
}
