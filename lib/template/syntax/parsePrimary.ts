import type { Node } from './ast.js';
import { parseConditional } from './parseExpression.js';
import { parseFilter, parseTest } from './parseFilter.js';
import { KEYWORDS, type TokenCursor } from './TokenCursor.js';

/** A Map, not an object literal: `'constructor' in {}` is true, and a name must never reach a prototype. */
const CONSTANTS = new Map<string, boolean | null>([
  ['true', true], ['True', true], ['false', false], ['False', false], ['none', null], ['None', null], ['null', null],
]);

/** `-x`, `+x`, or a postfix expression; then its filters and tests (`-x | abs` filters `-x`, as in Jinja). */
export function parseUnary(c: TokenCursor, withFilters: boolean): Node {
  c.enter();
  let node: Node;
  if (c.atOp('-') || c.atOp('+')) {
    const op = c.next().value as '-' | '+';
    node = { type: 'unary', op, operand: parseUnary(c, false) };
  } else {
    node = parsePostfix(c, parsePrimary(c));
  }
  if (withFilters) node = parseFilters(c, node);
  c.leave();
  return node;
}

function parseFilters(c: TokenCursor, target: Node): Node {
  let node = target;
  for (;;) {
    if (c.atOp('|')) node = parseFilter(c, node);
    else if (c.atWord('is')) node = parseTest(c, node);
    else return node;
  }
}

function parsePrimary(c: TokenCursor): Node {
  const t = c.peek();
  if (t.kind === 'number' || t.kind === 'string') {
    c.next();
    return { type: 'literal', value: t.value };
  }
  if (t.kind === 'name') {
    const name = t.value as string;
    if (KEYWORDS.has(name) && !CONSTANTS.has(name)) throw c.unexpected(undefined, `'${name}' is a keyword, not a value`);
    c.next();
    const constant = CONSTANTS.get(name);
    return constant !== undefined ? { type: 'literal', value: constant } : { type: 'name', name };
  }
  if (c.atOp('(')) return parseParens(c);
  if (c.atOp('[')) return { type: 'list', items: parseSequence(c, '[', ']', () => parseConditional(c)) };
  if (c.atOp('{')) return { type: 'dict', entries: parseSequence(c, '{', '}', () => parseEntry(c)) };
  throw c.unexpected('expected a value');
}

/** `(x)` groups; `(a, b)` and `()` are tuples, which ferry treats as lists. */
function parseParens(c: TokenCursor): Node {
  c.expectOp('(');
  const items: Node[] = [];
  let tuple = c.atOp(')');
  while (!c.atOp(')')) {
    items.push(parseConditional(c));
    if (!c.atOp(',')) break;
    c.next();
    tuple = true;
  }
  c.expectOp(')');
  return tuple ? { type: 'list', items } : items[0];
}

function parseEntry(c: TokenCursor): [Node, Node] {
  const key = parseConditional(c);
  c.expectOp(':');
  return [key, parseConditional(c)];
}

/** Items between `open` and `close`, comma separated, a trailing comma allowed. */
export function parseSequence<T>(c: TokenCursor, open: string, close: string, item: () => T): T[] {
  c.expectOp(open);
  const items: T[] = [];
  while (!c.atOp(close)) {
    items.push(item());
    if (!c.atOp(',')) break;
    c.next();
  }
  c.expectOp(close);
  return items;
}

// `.name`, `.0`, `[key]` and `[a:b:c]`; a call `(...)` is refused: ferry evaluates data, it does not run methods.
function parsePostfix(c: TokenCursor, target: Node): Node {
  let node = target;
  for (;;) {
    if (c.atOp('.')) {
      c.next();
      const t = c.next();
      if (t.kind !== 'name' && t.kind !== 'number') throw c.errorAt(t, "expected an attribute name after '.'");
      node = { type: 'get', target: node, key: { type: 'literal', value: t.value }, dotted: true };
    } else if (c.atOp('[')) {
      node = parseSubscript(c, node);
    } else if (c.atOp('(')) {
      throw c.unexpected('function and method calls are not supported', 'ferry expressions read data only: apply a filter with | instead');
    } else {
      return node;
    }
  }
}

function parseSubscript(c: TokenCursor, target: Node): Node {
  c.expectOp('[');
  const part = (): Node | undefined => (c.atOp(':') || c.atOp(']') ? undefined : parseConditional(c));
  const start = part();
  if (!start && c.atOp(']')) throw c.unexpected('expected an index or a slice');
  if (c.atOp(']') && start) {
    c.next();
    return { type: 'get', target, key: start, dotted: false };
  }
  c.expectOp(':');
  const stop = part();
  let step: Node | undefined;
  if (c.atOp(':')) {
    c.next();
    step = part();
  }
  c.expectOp(']');
  return { type: 'slice', target, start, stop, step };
}
