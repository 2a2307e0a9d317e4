/** Characters that end an unquoted shell word (a CR counts only before LF or at the end: a CRLF line ending). */
const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

// Finds where the shell word starting at `start` ends, quotes, escapes and substitutions included; -1 when a quote never closes.
export function scanWord(text: string, start: number): number {
  return scanUntil(text, start, undefined);
}

/** Scans from i to the first unquoted `close` (or the end of a word when close is undefined); -1 when unterminated. */
function scanUntil(text: string, i: number, close: ')' | '}' | undefined): number {
  while (i < text.length) {
    const ch = text[i];
    if (close === undefined && (WORD_END.has(ch) || isCrlf(text, i))) return i;
    if (close !== undefined && ch === close) return i;
    const next = skipOne(text, i, close);
    if (next < 0) return -1;
    i = next;
  }
  return close === undefined ? i : -1;
}

/** Index just after the construct at i: a quoted string, an escape, a substitution, or one plain character. */
function skipOne(text: string, i: number, close: ')' | '}' | undefined): number {
  const ch = text[i];
  if (ch === '\\') return i + 2 <= text.length ? i + 2 : -1;
  if (ch === "'") {
    const end = text.indexOf("'", i + 1);
    return end < 0 ? -1 : end + 1;
  }
  if (ch === '"') return skipDouble(text, i + 1);
  if (ch === '`') return skipBacktick(text, i + 1);
  if (ch === '$' && text[i + 1] === '(') return after(scanUntil(text, i + 2, ')'));
  if (ch === '$' && text[i + 1] === '{') return after(scanUntil(text, i + 2, '}'));
  // Inside $( ), a bare ( opens a nested group that needs its own ).
  if (ch === '(' && close === ')') return after(scanUntil(text, i + 1, ')'));
  return i + 1;
}

/** Past the closing " of a double-quoted string whose body starts at i. */
function skipDouble(text: string, i: number): number {
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') return i + 1;
    if (ch === '\\') i += 2;
    else if (ch === '`') i = skipBacktick(text, i + 1);
    else if (ch === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) i = after(scanUntil(text, i + 2, text[i + 1] === '(' ? ')' : '}'));
    else i += 1;
    if (i < 0) return -1;
  }
  return -1;
}

function skipBacktick(text: string, i: number): number {
  while (i < text.length) {
    if (text[i] === '`') return i + 1;
    i += text[i] === '\\' ? 2 : 1;
  }
  return -1;
}

function after(closeAt: number): number {
  return closeAt < 0 ? -1 : closeAt + 1;
}

function isCrlf(text: string, i: number): boolean {
  return text[i] === '\r' && (i + 1 === text.length || text[i + 1] === '\n');
}

/** Backslash escapes that keep their meaning inside double quotes. */
const DOUBLE_ESCAPES = new Set(['$', '`', '"', '\\']);

// What the shell makes of a word when it holds no expansion at all; undefined when $, ` or a leading ~ would expand.
export function literalValue(word: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const ch = word[i];
    if (ch === "'") {
      const end = word.indexOf("'", i + 1);
      if (end < 0) return undefined;
      out += word.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i += 1;
      for (;;) {
        if (i >= word.length) return undefined;
        const c = word[i];
        if (c === '"') break;
        if (c === '$' || c === '`') return undefined;
        if (c === '\\' && word[i + 1] === '\n') i += 2;
        else if (c === '\\' && DOUBLE_ESCAPES.has(word[i + 1])) {
          out += word[i + 1];
          i += 2;
        } else {
          out += c;
          i += 1;
        }
      }
      i += 1;
    } else if (ch === '\\') {
      if (i + 1 >= word.length) return undefined;
      if (word[i + 1] !== '\n') out += word[i + 1];
      i += 2;
    } else if (ch === '$' || ch === '`' || (ch === '~' && (i === 0 || word[i - 1] === ':'))) {
      return undefined;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}
