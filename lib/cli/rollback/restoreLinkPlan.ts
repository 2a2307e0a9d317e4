import { FerryError } from '../../errors/FerryError.js';
import type { Plan } from '../../modules/defineModule.js';
import type { LinkState, SymlinkChange } from '../../report/types.js';
import type { RestoreArgs, RestoreData, RestoreFacts } from './rollbackRestore.js';
import { alreadyRestoredMsg, describeState, sameState } from './sameState.js';

// Pure: a removed symlink is re-created (same target, same owner) only where nothing is now; one a rollback re-created
// is removed again when it is still a symlink, pointing where it did unless forced. The record is the whole link.
export function restoreLinkPlan(facts: RestoreFacts, args: RestoreArgs & { change: SymlinkChange }): Plan<RestoreData> {
  const { change } = args;
  const { current } = facts;
  const p = change.path;
  const restored = alreadyRestoredMsg(current, change, args.origin);
  if (restored) return { changes: [], msg: restored };
  const data = { change, seen: facts.seen ?? '' };
  if (change.after === 'absent') {
    const before = change.before as LinkState;
    if (current !== 'absent') throw new FerryError('MODULE', `${p} is there again (${describeState(current)}): not restored`, {}, 'move it away, then roll back again');
    return { changes: [{ summary: `re-create symlink ${p} -> ${before.target} (owner ${before.owner ?? before.uid}:${before.group ?? before.gid})` }], data };
  }
  if (current === 'absent' || current === 'other' || !('target' in current)) {
    throw new FerryError('MODULE', `${p} is no longer a symlink (${describeState(current)}): not removed`, {}, 'look at it; a rollback only removes the symlinks it made');
  }
  const asLeft = sameState(current, change.after);
  if (!asLeft && args.force !== true) {
    throw new FerryError('MODULE', `${p} changed since the run (${describeState(current)}, the run left ${describeState(change.after)}): not restored`, {}, 'see who changed it; `ferry rollback --force` removes it anyway (what it points to is recorded first)');
  }
  return { changes: [{ summary: `remove symlink ${p}, which the run made${asLeft ? '' : ', over a later change (--force)'}` }], data };
}
