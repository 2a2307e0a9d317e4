import { syntaxError } from './syntaxError.js';

/** Literal text, or the span [start, end) of the source that holds one expression. */
export type Segment = { kind: 'text'; text: string } | { kind: 'expr'; start: number; end: number };

const STATEMENT_HINT = "write logic as expressions (x if c else y, filters); for a literal '{%' or '{#' write {{ '{%' }} or {{ '{#' }}";

// Cuts a string into text and `{{ expression }}` spans. `{% %}` and `{# #}` are refused, not silently printed.
export function splitTemplate(source: string): Segment[] {
  const segments: Segment[] = [];
  let textStart = 0;
  let i = source.indexOf('{');
  while (i >= 0 && i < source.length - 1) {
    const next = source[i + 1];
    if (next === '%' || next === '#') {
      throw syntaxError(source, i, `'{${next}'`, STATEMENT_HINT, 'ferry templates support {{ expressions }} only');
    }
    if (next !== '{') {
      i = source.indexOf('{', i + 1);
      continue;
    }
    const close = findClose(source, i + 2);
    if (close < 0) throw syntaxError(source, i, "unclosed '{{'", "close the expression with '}}'");
    if (i > textStart) segments.push({ kind: 'text', text: source.slice(textStart, i) });
    segments.push({ kind: 'expr', start: i + 2, end: close });
    textStart = close + 2;
    i = source.indexOf('{', textStart);
  }
  if (textStart < source.length) segments.push({ kind: 'text', text: source.slice(textStart) });
  return segments;
}

/** Index of the `}}` that ends an expression, skipping quoted strings and `}` of dict literals. */
function findClose(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"') {
      i = skipString(source, i);
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      if (depth === 0 && source[i + 1] === '}') return i;
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

function skipString(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === source[open]) return i;
  }
  throw syntaxError(source, open, 'unterminated string', `close it with ${source[open]}`);
}
