import { FerryError } from '../errors/FerryError.js';
import { runIdOf } from '../modules/backupStore.js';
import { BACKUP_FAILED_RC } from '../modules/backupStep.js';
import { defineModule, type ModuleContext, type Plan } from '../modules/defineModule.js';
import { fileChangeOf, parseBackupRecord } from '../modules/fileRecord.js';
import { remoteFailure } from '../modules/remoteFailure.js';
import type { FileChange, FileState } from '../report/types.js';
import { RESTORE_STEP, restoreProbeScript, restoreScript } from './rollbackScripts.js';

/** What one restore is asked: the run's record of a change, and whether to restore over later edits. */
export interface RestoreArgs {
  change: FileChange;
  force?: boolean;
  /** The path before the run's first change of it: a file already back there needs nothing, whichever change this is. */
  origin?: FileState | 'absent';
}

/** What apply restores, and what the file held when it was looked at (its sha256, or `absent`). */
export interface RestoreData {
  change: FileChange;
  seen: string;
}

/** The file as it is now, and the sha256 of its backup (`missing` when the copy is gone). */
export interface RestoreFacts {
  current: FileState | 'absent' | 'other';
  backup?: string;
}

const CURRENT = /^current=([0-9a-f]{64}) ([0-7]{1,4}) (\d+) (\d+) (\S+) (\S+)$/m;

// Puts one changed file back as it was before the run: refuses a file changed since (unless forced) and a backup
// that no longer holds the recorded bytes (always).
export const restoreFile = defineModule<RestoreArgs, RestoreFacts, RestoreData>({
  name: 'restore',
  summary: "Put a file a run changed back to its pre-run bytes, mode and owner (ferry rollback's step)",
  args: { type: 'object', required: ['change'], properties: { change: { type: 'object' }, force: { type: 'boolean' } } },

  async probe(ctx, args) {
    const res = await ctx.host.exec({ script: restoreProbeScript(args.change), become: args.change.become === true });
    if (res.rc !== 0) throw remoteFailure(ctx.host.name, `reading ${args.change.path}`, res);
    return parseRestoreFacts(res.stdout);
  },

  plan: restorePlan,

  async apply(ctx, plan) {
    return { files: [await restore(ctx, plan.data!)] };
  },
});

// Pure: whether the file is already as before the run, may be put back, or must be left alone, and why.
export function restorePlan(facts: RestoreFacts, args: RestoreArgs): Plan<RestoreData> {
  const { change } = args;
  const { current } = facts;
  const p = change.path;
  if (current === 'other') throw new FerryError('MODULE', `${p} is no longer a regular file: not restored`, {}, 'look at it; a rollback only puts regular files back');
  const origin = args.origin ?? change.before;
  if (sameState(current, origin)) return { changes: [], msg: `${p} is as it was before the run` };
  if (sameState(current, change.before)) return { changes: [], msg: `${p} is as it was before this change` };
  const asLeft = change.after === 'absent' ? current === 'absent' : current !== 'absent' && current.sha256 === change.after.sha256;
  if (!asLeft && args.force !== true) {
    throw new FerryError('MODULE', `${p} changed since the run (${describe(current)}, the run left ${describe(change.after)}): not restored`, {}, 'see who changed it; `ferry rollback --force` puts the pre-run copy back anyway');
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

/** Reads the probe's lines back. */
export function parseRestoreFacts(stdout: string): RestoreFacts {
  const m = CURRENT.exec(stdout);
  const current: RestoreFacts['current'] = m
    ? { sha256: m[1], mode: m[2].padStart(4, '0'), uid: Number(m[3]), gid: Number(m[4]), owner: m[5], group: m[6] }
    : /^current=absent$/m.test(stdout)
      ? 'absent'
      : 'other';
  const backup = /^backup=(\S+)$/m.exec(stdout)?.[1];
  return backup === undefined ? { current } : { current, backup };
}

/** Restores one file in one round trip and returns the rollback's own record of the change. */
async function restore(ctx: ModuleContext, { change, seen }: RestoreData): Promise<FileChange> {
  const become = change.become === true;
  const res = await ctx.host.exec({ script: restoreScript(change, runIdOf(ctx), seen), become });
  if (res.rc === BACKUP_FAILED_RC) throw remoteFailure(ctx.host.name, `keeping the current ${change.path} before restoring it`, res);
  if (res.rc !== 0) throw remoteFailure(ctx.host.name, `restore of ${change.path} (${RESTORE_STEP[res.rc] ?? 'restore'})`, res);
  const record = parseBackupRecord(res.stdout, ctx.host.name, change.path);
  return fileChangeOf(change.path, record, change.before === 'absent' ? 'absent' : change.before.sha256, become);
}

function sameState(now: FileState | 'absent', then: FileState | 'absent'): boolean {
  if (now === 'absent' || then === 'absent') return now === then;
  return now.sha256 === then.sha256 && now.mode === then.mode && now.uid === then.uid && now.gid === then.gid;
}

function describe(state: FileState | { sha256: string } | 'absent'): string {
  return state === 'absent' ? 'absent' : `sha256 ${state.sha256.slice(0, 12)}…`;
}
