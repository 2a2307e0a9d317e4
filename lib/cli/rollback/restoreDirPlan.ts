import { FerryError } from '../../errors/FerryError.js';
import type { Plan } from '../../modules/defineModule.js';
import type { DirectoryChange, DirState } from '../../report/types.js';
import type { RestoreArgs, RestoreData, RestoreFacts } from './rollbackRestore.js';
import { alreadyRestoredMsg, describeState, sameState, type Current } from './sameState.js';

// Pure: what undoes one directory change. A directory the run made is removed only when it is empty again (what is
// in it now the run did not put there, or a rollback would have removed it first); a removed one is put back only
// where nothing is now, from a copy whose digest still matches; a re-moded one gets its mode and owner back.
export function restoreDirPlan(facts: RestoreFacts, args: RestoreArgs & { change: DirectoryChange }): Plan<RestoreData> {
  const { change } = args;
  const { current } = facts;
  const p = change.path;
  const restored = alreadyRestoredMsg(current, change, args.origin);
  if (restored) return { changes: [], msg: restored };
  const data = { change, seen: facts.seen ?? '' };
  const { before, after } = change;
  if (after === 'absent') return putBack(p, current, before as DirState, facts, data, change.backup);
  const asLeft = sameState(current, after);
  if (!isDir(current)) {
    throw new FerryError('MODULE', `${p} is no longer a directory (${describeState(current)}): not restored`, {}, 'look at it; a rollback only puts directories back where directories were');
  }
  if (!asLeft && args.force !== true) {
    throw new FerryError('MODULE', `${p} changed since the run (${describeState(current)}, the run left ${describeState(after)}): not restored`, {}, 'see who changed it; `ferry rollback --force` restores it anyway');
  }
  const forced = asLeft ? '' : ', over a later change (--force)';
  if (before !== 'absent') {
    return { changes: [{ summary: `restore directory ${p} to mode ${before.mode}, owner ${before.owner ?? before.uid}:${before.group ?? before.gid}${forced}` }], data };
  }
  if (after.tree !== undefined) {
    return { changes: [{ summary: `remove directory ${p} and everything in it, which the run put there (kept in the backup store first)${forced}` }], data };
  }
  const entries = facts.entries ?? [];
  if (entries === 'many' || entries.length > 0) {
    const what = entries === 'many' ? 'many entries' : entries.map((e) => JSON.stringify(e)).join(', ');
    throw new FerryError('MODULE', `${p}, which the run made, now holds ${what}: not removed`, {}, 'the run did not record putting them there; move them away, then roll back again');
  }
  return { changes: [{ summary: `remove directory ${p}, which the run made${forced}` }], data };
}

/** A removed directory goes back only where nothing is now; a copied tree only from a copy that still holds it. */
function putBack(p: string, current: Current, before: DirState, facts: RestoreFacts, data: RestoreData, backup: string | undefined): Plan<RestoreData> {
  if (current !== 'absent') {
    throw new FerryError('MODULE', `${p} is there again (${describeState(current)}): not restored`, {}, 'move it away, then roll back again: a rollback never replaces a directory');
  }
  const attrs = `mode ${before.mode}, owner ${before.owner ?? before.uid}:${before.group ?? before.gid}`;
  if (before.tree === undefined) return { changes: [{ summary: `re-create directory ${p} (${attrs})` }], data };
  if (facts.backup !== before.tree) {
    const why = facts.backup === 'missing' || facts.backup === undefined ? 'is missing' : 'no longer holds the pre-run tree';
    throw new FerryError('MODULE', `the backup ${backup} of ${p} ${why}: not restored`, {}, 'restore the directory by hand; --keep-backups may have pruned this run');
  }
  return { changes: [{ summary: `restore directory ${p} and everything in it from ${backup} (${attrs})` }], data };
}

function isDir(state: Current): state is DirState {
  return typeof state === 'object' && 'type' in state && state.type === 'directory';
}
