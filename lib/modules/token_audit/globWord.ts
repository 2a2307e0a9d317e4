import { shellQuote } from '../../transport/shellQuote.js';

// A path as one shell word in which only `*` and `?` stay live, so `/home/*` expands on the host while a space, a
// quote or a `$` in a path is never shell syntax.
export function globWord(path: string): string {
  return path
    .split(/([*?]+)/)
    .filter((part) => part !== '')
    .map((part) => (/^[*?]+$/.test(part) ? part : shellQuote(part)))
    .join('');
}
