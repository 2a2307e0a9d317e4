import { FerryError } from '../../errors/FerryError.js';
import type { ExecResult } from '../../transport/types.js';

// No backup, no change: a script whose copy step failed left the path as it was, and says where backups go.
export function backupFailure(host: string, path: string, res: Pick<ExecResult, 'rc' | 'stderr'>, change = 'changing'): FerryError {
  const said = res.stderr.trim().split('\n').filter(Boolean).slice(-2).join('; ') || `exit status ${res.rc}`;
  return new FerryError(
    'REMOTE',
    `cannot back up ${path} before ${change} it, so it was left alone: ${said}`,
    { host },
    'free space where backups go (/var/backups/ferry as root, ~/.local/state/ferry/backups otherwise), or fix the permission named',
  );
}
