import { shellQuote } from '../transport/shellQuote.js';

/** Characters that never need quoting in a POSIX shell word. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

// The readable form of an argv for messages ("run: ls -l '/a b'"): quotes only the words that need it.
export function shellJoin(words: readonly string[]): string {
  return words.map((w) => (SAFE_WORD.test(w) ? w : shellQuote(w))).join(' ');
}
