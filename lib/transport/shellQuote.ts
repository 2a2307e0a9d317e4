// Paths and names travel to the remote shell as single words whatever they contain: spaces, quotes, $, backticks, newlines.
export function shellQuote(word: string): string {
  if (word.includes('\0')) throw new Error('a shell word cannot contain a NUL byte');
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
