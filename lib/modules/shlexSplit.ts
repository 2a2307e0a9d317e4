import { FerryError } from '../errors/FerryError.js';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

// `command: cmd` is split into words the way Ansible does it (Python's shlex.split, POSIX mode): quotes group, nothing expands.
export function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i];
      else word += ch;
    } else if (WHITESPACE.has(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '\\') {
        if (i + 1 >= text.length) throw splitError('no escaped character after the final backslash');
        word += text[++i];
      } else word += ch;
    }
  }
  if (quote) throw splitError(`no closing quotation (${quote})`);
  if (inWord) words.push(word);
  return words;
}

function splitError(problem: string): FerryError {
  return new FerryError('MODULE', `cmd cannot be split into words: ${problem}`, {}, 'close the quote, or give the words as a list with argv');
}
