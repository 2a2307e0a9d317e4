import { FerryError } from '../../errors/FerryError.js';
import { dirStateOf, lineOf, linkStateOf } from '../../modules/changes/pathStateOf.js';
import { isDirChange } from '../../report/changeKind.js';
import type { DirectoryChange, DirState, FileChange, LinkState, SymlinkChange } from '../../report/types.js';
import { currentOf } from './pathProbeScript.js';

// The rollback's own record of a directory or symlink it restored: the path as it found it (what it removed, with the
// copy it made, or the attributes it replaced) becomes `before`, and the recorded pre-run state becomes `after`.
export function pathRestoreRecord(change: DirectoryChange | SymlinkChange, seen: string, stdout: string, host: string): FileChange {
  const become = change.become ? { become: true } : {};
  const { path } = change;
  if (change.before !== 'absent') {
    if (isDirChange(change) && change.after !== 'absent') {
      return { path, before: currentOf(seen) as DirState, after: change.before as DirState, ...become };
    }
    return isDirChange(change) ? { path, before: 'absent', after: change.before as DirState, ...become } : { path, before: 'absent', after: change.before, ...become };
  }
  if (!isDirChange(change)) {
    const link = linkStateOf(lineOf(stdout, 'link') ?? '');
    if (!link) throw noRecord(host, path);
    return { path, before: link as LinkState, after: 'absent', ...become };
  }
  const dir = dirStateOf(lineOf(stdout, 'dir') ?? '');
  if (!dir) throw noRecord(host, path);
  const backup = lineOf(stdout, 'backup');
  return { path, ...(backup !== undefined && { backup: Buffer.from(backup, 'base64').toString('utf8') }), before: dir, after: 'absent', ...become };
}

function noRecord(host: string, path: string): FerryError {
  return new FerryError('REMOTE', `the restore of ${path} printed no record of what it replaced`, { host }, 'check that stat, find, sha256sum and base64 are on the host');
}
