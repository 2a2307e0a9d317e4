import { syntaxError } from './syntaxError.js';
import type { Token } from './Token.js';

const OPERATORS = ['//', '**', '==', '!=', '<=', '>=', '+', '-', '*', '/', '%', '~', '<', '>', '(', ')', '[', ']', '{', '}', '.', ',', ':', '|', '='];
const FOREIGN = new Map([
  ['&', "write 'and' instead of '&&'"],
  ['!', "write 'not' instead of '!', and '!=' for inequality"],
  ['?', "write 'a if cond else b' instead of 'cond ? a : b'"],
]);
const ESCAPES = new Map([['n', '\n'], ['t', '\t'], ['r', '\r'], ['0', '\0'], ['\\', '\\'], ["'", "'"], ['"', '"'], ['\n', '']]);

// Splits the expression source[start, end) into tokens, each keeping its index for error columns.
export function tokenize(source: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      const [value, next] = readString(source, i, end);
      tokens.push({ kind: 'string', value, at: i });
      i = next;
    } else if (/[0-9]/.test(c)) {
      const afterDot = tokens.at(-1)?.value === '.' && tokens.at(-1)?.kind === 'op';
      const match = (afterDot ? /^[0-9]+/ : /^[0-9][0-9_]*(\.[0-9][0-9_]*)?([eE][+-]?[0-9]+)?/).exec(source.slice(i, end));
      const text = match ? match[0] : c;
      tokens.push({ kind: 'number', value: Number(text.replace(/_/g, '')), at: i });
      i += text.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, end))?.[0] ?? c;
      tokens.push({ kind: 'name', value: text, at: i });
      i += text.length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i) && i + o.length <= end);
      if (!op) throw syntaxError(source, i, `unexpected character '${c}'`, FOREIGN.get(c));
      tokens.push({ kind: 'op', value: op, at: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', value: '', at: end });
  return tokens;
}

// Reads a quoted string with Python's escapes; an unknown escape (`\d`) keeps its backslash, so regexes read naturally.
function readString(source: string, open: number, end: number): [string, number] {
  const quote = source[open];
  let out = '';
  for (let i = open + 1; i < end; i++) {
    const c = source[i];
    if (c === quote) return [out, i + 1];
    if (c !== '\\' || i + 1 >= end) {
      out += c;
      continue;
    }
    const e = source[++i];
    const hex = e === 'x' ? 2 : e === 'u' ? 4 : 0;
    const digits = source.slice(i + 1, i + 1 + hex);
    if (hex && /^[0-9a-fA-F]+$/.test(digits) && digits.length === hex) {
      out += String.fromCharCode(parseInt(digits, 16));
      i += hex;
    } else {
      out += ESCAPES.get(e) ?? `\\${e}`;
    }
  }
  throw syntaxError(source, open, 'unterminated string', `close it with ${quote}`);
}
