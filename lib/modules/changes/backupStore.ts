import { randomBytes } from 'node:crypto';

/**
 * `20250101T120000123Z-a1b2c3`: sorts by time to the millisecond, so "the N newest runs" is "the N last names" even for
 * runs started in the same second. Ids without milliseconds (`20250101T120000Z-a1b2c3`) are still read.
 */
export const RUN_ID = /^\d{8}T\d{6}(\d{3})?Z-[0-9a-f]{6}$/;

const SECONDS_GLOB = `${'[0-9]'.repeat(8)}T${'[0-9]'.repeat(6)}`;
const SUFFIX_GLOB = `Z-${'[0-9a-f]'.repeat(6)}`;

/** Shell globs of run directory names, oldest format first: together they list runs in the order they ran. */
export const RUN_ID_GLOBS = [`${SECONDS_GLOB}${SUFFIX_GLOB}`, `${SECONDS_GLOB}${'[0-9]'.repeat(3)}${SUFFIX_GLOB}`];

// A new run id: its time makes backups of different runs sort, its random part keeps two runs in one millisecond apart.
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
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
