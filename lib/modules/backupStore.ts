import { randomBytes } from 'node:crypto';

/** `20250101T120000Z-a1b2c3`: sorts by time, so "the N newest runs" is "the N last names". */
export const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]{6}$/;

/** The same shape as a shell `case` pattern, for scripts that pick run directories out of a listing. */
export const RUN_ID_GLOB = `${'[0-9]'.repeat(8)}T${'[0-9]'.repeat(6)}Z-${'[0-9a-f]'.repeat(6)}`;

// A new run id: its time makes backups of different runs sort, its random part keeps two runs in one second apart.
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

let processRunId: string | undefined;

// The run id a module files its backups under; a module called outside the engine gets one per process.
export function runIdOf(ctx: { runId?: string }): string {
  const id = ctx.runId ?? (processRunId ??= newRunId());
  if (!RUN_ID.test(id)) throw new Error(`invalid run id ${JSON.stringify(id)}`);
  return id;
}

// Sets $store to ferry's backup directory on the host: root's in /var/backups/ferry, any other login's in its XDG state dir.
export const BACKUP_STORE_LINE =
  'if [ "$(id -u)" = 0 ]; then store=/var/backups/ferry; else store=${XDG_STATE_HOME:-${HOME:?no HOME to keep backups in}/.local/state}/ferry/backups; fi';
