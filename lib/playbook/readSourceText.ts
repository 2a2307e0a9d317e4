import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** The text of a file, or why it could not be read, phrased for a user. */
export type SourceText = { text: string } | { reason: string };

/** Largest playbook, inventory or vars file read: anything bigger is not one, and parsing it would take the machine. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

// Loaders turn a missing or unreadable file into a positioned problem, never an errno stack: this says which it was.
// Only a regular text file of sane size is read: a FIFO would block forever, /dev/zero never ends, and bytes that
// are not UTF-8 (or a NUL) mean it is no YAML file, whatever its name says.
export async function readSourceText(file: string): Promise<SourceText> {
  let bytes: Buffer;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for a regular file.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const st = await handle.stat();
      if (!st.isFile()) return { reason: st.isDirectory() ? 'is a directory, not a file' : 'is not a regular file (a device, FIFO or socket)' };
      if (st.size > MAX_SOURCE_BYTES) return { reason: `is ${st.size} bytes, more than the ${MAX_SOURCE_BYTES / 1024 / 1024} MiB a playbook, inventory or vars file may be` };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'not found' };
    if (code === 'EISDIR') return { reason: 'is a directory, not a file' };
    if (code === 'EACCES' || code === 'EPERM') return { reason: 'permission denied' };
    if (code === 'ELOOP') return { reason: 'is a symlink loop' };
    return { reason: `cannot be read (${code ?? 'unknown error'})` };
  }
  if (bytes.length > MAX_SOURCE_BYTES) return { reason: `grew past ${MAX_SOURCE_BYTES / 1024 / 1024} MiB while being read` };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { reason: `holds a NUL byte on line ${lineAt(bytes, nul)}: it is not a text file` };
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes)) {
    return { reason: `is not UTF-8 text (first bad byte on line ${lineAt(bytes, firstBadByte(bytes))}); save it as UTF-8` };
  }
  return { text };
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstBadByte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    if (Buffer.from(bytes.subarray(i, i + need + 1).toString('utf8'), 'utf8').length !== need + 1) return i;
    i += need + 1;
  }
  return bytes.length;
}
