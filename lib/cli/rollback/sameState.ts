import { kindOfState } from '../../report/changeKind.js';
import type { FileChange, PathState } from '../../report/types.js';

/** What a path holds now, as a restore's probe saw it (`other`: something no record describes). */
export type Current = PathState | 'absent' | 'other';

// Whether a path holds what a record says it held: bytes, mode and owner for a file; mode and owner (and the whole
// tree, when the record has its digest) for a directory; target and owner for a symlink. Times are not compared.
export function sameState(now: Current, then: PathState | 'absent'): boolean {
  if (now === 'other') return false;
  if (now === 'absent' || then === 'absent') return now === then;
  if (kindOfState(now) !== kindOfState(then)) return false;
  if (now.uid !== then.uid || now.gid !== then.gid) return false;
  if ('target' in then) return 'target' in now && now.target === then.target;
  if ('sha256' in then) return 'sha256' in now && now.sha256 === then.sha256 && now.mode === then.mode;
  if (!('type' in now) || now.type !== 'directory' || now.mode !== then.mode) return false;
  return then.tree === undefined || then.tree === now.tree;
}

// A state in a few words for a refusal: "absent", "sha256 1a2b3c4d5e6f…", "directory mode 0750, owner 0:0", "symlink to /x".
export function describeState(state: Current | { sha256: string }): string {
  if (state === 'absent' || state === 'other') return state === 'other' ? 'something else' : 'absent';
  if ('target' in state) return `a symlink to ${state.target}`;
  if ('type' in state) return `a directory (mode ${state.mode}, owner ${state.uid}:${state.gid}${state.tree ? `, content ${state.tree.slice(0, 12)}…` : ''})`;
  return `sha256 ${state.sha256.slice(0, 12)}…`;
}

/** A path already back as it was before the run (or before this change) needs no restore, whichever change this is. */
export function alreadyRestoredMsg(now: Current, change: FileChange, origin: PathState | 'absent' | undefined): string | undefined {
  if (sameState(now, origin ?? change.before)) return `${change.path} is as it was before the run`;
  if (sameState(now, change.before)) return `${change.path} is as it was before this change`;
  return undefined;
}
