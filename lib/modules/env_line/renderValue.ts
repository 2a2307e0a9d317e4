import { shellQuote } from '../shellQuote.js';

/** How env_line writes a value: quoted when needed, always, or exactly as given. */
export type QuoteMode = 'auto' | 'always' | 'never';

/** Characters the shell reads as themselves in an assignment value (no ~, no globs, no $). */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

// Renders a value so that sourcing the file gives it back byte for byte (auto/always); `never` writes it raw, expansions and all.
export function renderValue(value: string, quote: QuoteMode = 'auto'): string {
  if (quote === 'never') return value;
  if (quote === 'auto' && (value === '' || PLAIN.test(value))) return value;
  return shellQuote(value);
}

// Whether a word already in the file says what the task asks, so an equivalent spelling is left alone.
export function wordSatisfies(word: string, literal: string | undefined, value: string, quote: QuoteMode = 'auto'): boolean {
  if (quote === 'never') return word === value;
  if (quote === 'always' && !(word.startsWith("'") || word.startsWith('"'))) return false;
  return literal === value;
}
