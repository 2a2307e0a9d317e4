import type { Palette } from './palette.js';

// Diff text under a result line: additions green, removals red, hunk headers cyan, context as is.
export function colorDiff(diff: string, p: Palette): string[] {
  const lines = diff.endsWith('\n') ? diff.slice(0, -1).split('\n') : diff.split('\n');
  return lines.map((line) => {
    if (line.startsWith('+')) return p.added(line);
    if (line.startsWith('-')) return p.removed(line);
    if (line.startsWith('@@')) return p.hunk(line);
    return line;
  });
}
