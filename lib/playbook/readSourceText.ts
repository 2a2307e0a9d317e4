import { readFile } from 'node:fs/promises';

/** The text of a file, or why it could not be read, phrased for a user. */
export type SourceText = { text: string } | { reason: string };

// Loaders turn a missing or unreadable file into a positioned problem, never an errno stack: this says which it was.
export async function readSourceText(file: string): Promise<SourceText> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'not found' };
    if (code === 'EISDIR') return { reason: 'is a directory, not a file' };
    if (code === 'EACCES' || code === 'EPERM') return { reason: 'permission denied' };
    return { reason: `cannot be read (${code ?? 'unknown error'})` };
  }
}
