import { isAbsolute, relative } from 'node:path';

// Problems name files the way the user typed them: relative to the current directory when inside it, absolute otherwise.
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
