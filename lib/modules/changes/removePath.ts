import { FerryError } from '../../errors/FerryError.js';
import type { FileChange } from '../../report/types.js';
import { shellQuote } from '../../transport/shellQuote.js';
import { backupFailure } from './backupFailure.js';
import { runIdOf } from './backupStore.js';
import { BACKUP_FAILED_RC, backupStep } from './backupStep.js';
import type { ModuleContext } from '../defineModule.js';
import { fileChangeOf, parseBackupRecord } from './fileRecord.js';
import { dirStateOf, lineOf, linkStateOf } from './pathStateOf.js';
import { remoteFailure } from '../remoteFailure.js';
import { linkRecordStep, treeBackupStep } from './treeBackupStep.js';

/** The exit status of a removal whose `rm` failed after its backup was made. */
const REMOVE_FAILED_RC = 8;

// Removes a path in one round trip, whatever it turns out to be on the host, keeping first what a rollback needs: a
// regular file copied with cp -p, a directory tree with cp -a (both into the run's store), a symlink's target. No
// backup, no removal. A special file (FIFO, socket, device) is removed unrecorded: undefined, as for a missing path.
export async function removePath(ctx: ModuleContext, path: string): Promise<FileChange | undefined> {
  const runId = runIdOf(ctx);
  const rm = (flags: string) => `rm ${flags} -- ${shellQuote(path)} || exit ${REMOVE_FAILED_RC}`;
  const script = [
    `if [ -L ${shellQuote(path)} ]; then`,
    linkRecordStep(path),
    rm('-f'),
    `elif [ -d ${shellQuote(path)} ]; then`,
    treeBackupStep(path, runId),
    rm('-rf'),
    `elif [ -f ${shellQuote(path)} ]; then`,
    backupStep(path, { runId }),
    rm('-f'),
    `elif [ -e ${shellQuote(path)} ]; then`,
    "printf 'other=1\\n'",
    rm('-f'),
    'fi',
    '',
  ].join('\n');
  const res = await ctx.host.exec({ script, become: ctx.become });
  if (res.rc === BACKUP_FAILED_RC) throw backupFailure(ctx.host.name, path, res, 'removing');
  if (res.rc !== 0) throw remoteFailure(ctx.host.name, `removing ${path}`, res);
  return recordOf(res.stdout, ctx.host.name, path, ctx.become);
}

/** The record of what was removed, from the lines the script printed. */
function recordOf(stdout: string, host: string, path: string, become: boolean): FileChange | undefined {
  const extra = become ? { become: true } : {};
  const link = lineOf(stdout, 'link');
  if (link !== undefined) {
    const before = linkStateOf(link);
    if (!before) throw noRecord(host, path);
    return { path, before, after: 'absent', ...extra };
  }
  const dir = lineOf(stdout, 'dir');
  if (dir !== undefined) {
    const before = dirStateOf(dir);
    const backup = lineOf(stdout, 'backup');
    if (!before || backup === undefined) throw noRecord(host, path);
    return { path, backup: Buffer.from(backup, 'base64').toString('utf8'), before, after: 'absent', ...extra };
  }
  if (lineOf(stdout, 'before') === undefined) return undefined;
  return fileChangeOf(path, parseBackupRecord(stdout, host, path), 'absent', become);
}

function noRecord(host: string, path: string): FerryError {
  return new FerryError('REMOTE', `removing ${path} printed no record of it`, { host }, 'check that stat, find, sha256sum and base64 are on the host');
}
