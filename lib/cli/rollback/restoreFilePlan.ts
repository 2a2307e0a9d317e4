import { FerryError } from '../../errors/FerryError.js';
import type { Plan } from '../../modules/defineModule.js';
import type { FileState, RegularFileChange } from '../../report/types.js';
import type { RestoreArgs, RestoreData, RestoreFacts } from './rollbackRestore.js';
import { alreadyRestoredMsg, describeState } from './sameState.js';

const CURRENT = /^current=([0-9a-f]{64}) ([0-7]{1,4}) (\d+) (\d+) (\S+) (\S+)$/m;

// Pure: whether a regular file is already as before the run, may be put back, or must be left alone, and why.
export function restoreFilePlan(facts: RestoreFacts, args: RestoreArgs & { change: RegularFileChange }): Plan<RestoreData> {
  const { change } = args;
  const current = facts.current !== 'absent' && (facts.current === 'other' || !('sha256' in facts.current)) ? 'other' : facts.current;
  const p = change.path;
  if (current === 'other') throw new FerryError('MODULE', `${p} is no longer a regular file: not restored`, {}, 'look at it; a rollback only puts regular files back where files were');
  const restored = alreadyRestoredMsg(current, change, args.origin);
  if (restored) return { changes: [], msg: restored };
  const asLeft = change.after === 'absent' ? current === 'absent' : current !== 'absent' && current.sha256 === change.after.sha256;
  if (!asLeft && args.force !== true) {
    throw new FerryError('MODULE', `${p} changed since the run (${describeState(current)}, the run left ${describeState(change.after)}): not restored`, {}, 'see who changed it; `ferry rollback --force` puts the pre-run copy back anyway');
  }
  const forced = asLeft ? '' : ', over a later change (--force)';
  const data = { change, seen: current === 'absent' ? 'absent' : current.sha256 };
  if (change.before === 'absent') return { changes: [{ summary: `remove ${p}, which the run created${forced}` }], data };
  if (facts.backup !== change.before.sha256) {
    const why = facts.backup === 'missing' || facts.backup === undefined ? 'is missing' : 'no longer holds the pre-run bytes';
    throw new FerryError('MODULE', `the backup ${change.backup} of ${p} ${why}: not restored`, {}, 'restore the file by hand; --keep-backups may have pruned this run');
  }
  const { mode, owner, group, uid, gid } = change.before;
  const summary = `restore ${p} from ${change.backup} (mode ${mode}, owner ${owner ?? uid}:${group ?? gid})${forced}`;
  return { changes: [{ summary }], data };
}

/** Reads the regular-file probe's lines back. */
export function parseRestoreFacts(stdout: string): RestoreFacts {
  const m = CURRENT.exec(stdout);
  const current: FileState | 'absent' | 'other' = m
    ? { sha256: m[1], mode: m[2].padStart(4, '0'), uid: Number(m[3]), gid: Number(m[4]), owner: m[5], group: m[6] }
    : /^current=absent$/m.test(stdout)
      ? 'absent'
      : 'other';
  const backup = /^backup=(\S+)$/m.exec(stdout)?.[1];
  return backup === undefined ? { current } : { current, backup };
}
