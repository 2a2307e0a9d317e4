import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FerryError } from '../errors/FerryError.js';
import type { RunReport } from './types.js';

/** The report may name paths and host-key fingerprints operators treat as sensitive: owner only. */
const REPORT_MODE = 0o600;

// Writes the JSON report atomically (temp file beside it, synced, renamed over), so a reader never sees half.
export async function writeReport(file: string, report: RunReport): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', REPORT_MODE);
    try {
      await handle.chmod(REPORT_MODE);
      await handle.writeFile(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw reportError(file, err);
  }
  await syncDir(dirname(file));
}

/** A report path the user gave that cannot be written is their mistake to fix, not a crash. */
function reportError(file: string, err: unknown): FerryError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    const hint = 'create the directory or pass another --report path';
    return new FerryError('FILE_NOT_FOUND', 'cannot write the report: its directory does not exist', { file }, hint);
  }
  const why = code ?? (err instanceof Error ? err.message : String(err));
  const hint = 'pass a --report path in a directory you can write';
  return new FerryError('USAGE', `cannot write the report (${why})`, { file }, hint);
}

/** Makes the rename itself durable; a directory that cannot be synced is not worth failing the run for. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the file itself is already synced.
  }
}
