import { FerryError } from '../../errors/FerryError.js';
import type { FileState, RegularFileChange } from '../../report/types.js';

/** What the backup step printed: the state it copied (or `absent`) and where the copy is. */
export interface BackupRecord {
  before: FileState | 'absent';
  backup?: string;
}

const BEFORE = /^before=([0-9a-f]{64}) ([0-7]{1,4}) (\d+) (\d+) (\S+) (\S+)$/m;

// Reads the `before=` and `backup=` lines of backupStep's output back into a record.
export function parseBackupRecord(stdout: string, host: string, path: string): BackupRecord {
  if (/^before=absent$/m.test(stdout)) return { before: 'absent' };
  const m = BEFORE.exec(stdout);
  const b64 = /^backup=([A-Za-z0-9+/=]+)$/m.exec(stdout);
  if (!m || !b64) {
    throw new FerryError('REMOTE', `the backup of ${path} printed no record`, { host }, 'check that stat, sha256sum and base64 (coreutils) are on the host');
  }
  const [, sha256, mode, uid, gid, owner, group] = m;
  return {
    before: { sha256, mode: mode.padStart(4, '0'), uid: Number(uid), gid: Number(gid), owner, group },
    backup: Buffer.from(b64[1], 'base64').toString('utf8'),
  };
}

// The report's record of one change: the backup's record plus what the file holds now.
export function fileChangeOf(path: string, record: BackupRecord, afterSha256: string | 'absent', become: boolean): RegularFileChange {
  const change: RegularFileChange = { path, before: record.before, after: afterSha256 === 'absent' ? 'absent' : { sha256: afterSha256 } };
  if (record.backup !== undefined) change.backup = record.backup;
  if (become) change.become = true;
  return change;
}
