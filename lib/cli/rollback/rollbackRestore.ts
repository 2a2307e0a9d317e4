import { runIdOf } from '../../modules/changes/backupStore.js';
import { BACKUP_FAILED_RC } from '../../modules/changes/backupStep.js';
import { defineModule, type ModuleContext, type Plan } from '../../modules/defineModule.js';
import { fileChangeOf, parseBackupRecord } from '../../modules/changes/fileRecord.js';
import { remoteFailure } from '../../modules/remoteFailure.js';
import { isDirChange, isFileChange } from '../../report/changeKind.js';
import type { DirectoryChange, FileChange, PathState, SymlinkChange } from '../../report/types.js';
import { parsePathFacts, pathProbeScript } from './pathProbeScript.js';
import { pathRestoreScript } from './pathRestoreScript.js';
import { pathRestoreRecord } from './pathRestoreRecord.js';
import { restoreDirPlan } from './restoreDirPlan.js';
import { parseRestoreFacts, restoreFilePlan } from './restoreFilePlan.js';
import { restoreLinkPlan } from './restoreLinkPlan.js';
import { RESTORE_STEP, restoreProbeScript, restoreScript } from './rollbackScripts.js';
import type { Current } from './sameState.js';

/** What one restore is asked: the run's record of a change, and whether to restore over later edits. */
export interface RestoreArgs {
  change: FileChange;
  force?: boolean;
  /** The path before the run's first change of it: a path already back there needs nothing, whichever change this is. */
  origin?: PathState | 'absent';
}

/** What apply restores, and what the path held when it was looked at (a file's sha256 or `absent`; a `ferry_seen` line). */
export interface RestoreData {
  change: FileChange;
  seen: string;
}

/** The path as it is now, and its backup's sha256 or tree digest (`missing` when the copy is gone). */
export interface RestoreFacts {
  current: Current;
  backup?: string;
  /** For a directory or symlink: the probe's line, which must still read the same when the restore acts. */
  seen?: string;
  /** For a directory the run made: the names in it now (`many` past the probe's limit). */
  entries?: string[] | 'many';
}

// Puts one changed path back as it was before the run: refuses a path changed since (unless forced) and a backup
// that no longer holds the recorded bytes or tree (always).
export const restoreFile = defineModule<RestoreArgs, RestoreFacts, RestoreData>({
  name: 'restore',
  summary: "Put a file, directory or symlink a run changed back as it was before the run (ferry rollback's step)",
  args: { type: 'object', required: ['change'], properties: { change: { type: 'object' }, force: { type: 'boolean' } } },

  async probe(ctx, args) {
    const { change } = args;
    const script = isFileChange(change) ? restoreProbeScript(change) : pathProbeScript(change);
    const res = await ctx.host.exec({ script, become: change.become === true });
    if (res.rc !== 0) throw remoteFailure(ctx.host.name, `reading ${change.path}`, res);
    return isFileChange(change) ? parseRestoreFacts(res.stdout) : parsePathFacts(res.stdout);
  },

  plan: restorePlan,

  async apply(ctx, plan) {
    return { files: [await restore(ctx, plan.data!)] };
  },
});

// Pure: whether the path is already as before the run, may be put back, or must be left alone, and why.
export function restorePlan(facts: RestoreFacts, args: RestoreArgs): Plan<RestoreData> {
  const { change } = args;
  if (isFileChange(change)) return restoreFilePlan(facts, { ...args, change });
  if (isDirChange(change)) return restoreDirPlan(facts, { ...args, change });
  return restoreLinkPlan(facts, { ...args, change: change as SymlinkChange });
}

/** Restores one path in one round trip and returns the rollback's own record of the change. */
async function restore(ctx: ModuleContext, { change, seen }: RestoreData): Promise<FileChange> {
  const become = change.become === true;
  const runId = runIdOf(ctx);
  const script = isFileChange(change) ? restoreScript(change, runId, seen) : pathRestoreScript(change as DirectoryChange | SymlinkChange, runId, seen);
  const res = await ctx.host.exec({ script, become });
  if (res.rc === BACKUP_FAILED_RC) throw remoteFailure(ctx.host.name, `keeping the current ${change.path} before restoring it`, res);
  if (res.rc !== 0) throw remoteFailure(ctx.host.name, `restore of ${change.path} (${RESTORE_STEP[res.rc] ?? 'restore'})`, res);
  if (!isFileChange(change)) return pathRestoreRecord(change as DirectoryChange | SymlinkChange, seen, res.stdout, ctx.host.name);
  const record = parseBackupRecord(res.stdout, ctx.host.name, change.path);
  return fileChangeOf(change.path, record, change.before === 'absent' ? 'absent' : change.before.sha256, become);
}
