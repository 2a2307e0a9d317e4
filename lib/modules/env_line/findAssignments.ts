import { literalValue, scanWord } from './shellWord.js';

/** One `KEY=value` (or `export KEY=value`) at the start of a line, with the offsets an edit needs. */
export interface Assignment {
  key: string;
  /** 1-based line number, for messages. */
  line: number;
  /** Offset of the line's first byte. */
  lineStart: number;
  /** Indentation before the key or `export`. */
  indent: string;
  exported: boolean;
  /** The value as written (quotes and all) spans [valueStart, valueEnd). */
  valueStart: number;
  valueEnd: number;
  word: string;
  /** What the shell reads the value as, when it holds no expansion. */
  literal?: string;
  /** Offset just after the line's terminator (or the end of the text). */
  lineEnd: number;
  /** The line's terminator: '\r\n', '\n', or '' for a last line without one. */
  eol: string;
  /** Only blanks or a comment follow the value, so the whole line can go. */
  alone: boolean;
  /** The value's quote never closes: the line cannot be edited safely. */
  broken: boolean;
}

const ASSIGN = /^([ \t]*)(export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=/;
const TRAILER = /^[ \t]*(#[^\n]*)?$/;

// Every assignment in a shell env file, in order; a quoted value spanning lines is one assignment.
export function findAssignments(text: string): Assignment[] {
  const found: Assignment[] = [];
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const restOfLine = text.slice(pos, nl < 0 ? text.length : nl);
    const m = ASSIGN.exec(restOfLine);
    if (!m) {
      if (nl < 0) break;
      pos = nl + 1;
      line += 1;
      continue;
    }
    const valueStart = pos + m[0].length;
    const scanned = scanWord(text, valueStart);
    const broken = scanned < 0;
    const valueEnd = broken ? (nl < 0 ? text.length : nl) : scanned;
    const endNl = text.indexOf('\n', valueEnd);
    const lineEnd = endNl < 0 ? text.length : endNl + 1;
    const eol = endNl < 0 ? '' : endNl > 0 && text[endNl - 1] === '\r' ? '\r\n' : '\n';
    const word = text.slice(valueStart, valueEnd);
    const trailer = text.slice(valueEnd, lineEnd - eol.length);
    found.push({
      key: m[3],
      line,
      lineStart: pos,
      indent: m[1],
      exported: m[2] !== undefined,
      valueStart,
      valueEnd,
      word,
      literal: broken ? undefined : literalValue(word),
      lineEnd,
      eol,
      alone: !broken && TRAILER.test(trailer),
      broken,
    });
    line += countNewlines(text, pos, lineEnd);
    pos = lineEnd;
  }
  return found;
}

/** The terminator a new line of this file gets: CRLF when its first line ends so, else LF. */
export function eolOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text[i] === '\n') n++;
  return n;
}
