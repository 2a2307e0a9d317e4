import type { DirectoryChange, FileChange, PathState, RegularFileChange, SymlinkChange } from './types.js';

/** What a recorded path is: a regular file, a directory or a symbolic link. */
export type PathKind = 'file' | 'directory' | 'symlink';

// A regular file's state carries no `type` (reports written before directories and links were recorded have none).
export function kindOfState(state: PathState): PathKind {
  return 'type' in state ? state.type : 'file';
}

// A change is of the kind of whichever side is not absent; a record with both sides absent is refused when read.
export function kindOfChange(change: FileChange): PathKind {
  const side = change.before !== 'absent' ? change.before : change.after;
  if (side === 'absent') return 'file';
  return 'type' in side ? side.type : 'file';
}

/** Narrows a change to a regular file's. */
export function isFileChange(change: FileChange): change is RegularFileChange {
  return kindOfChange(change) === 'file';
}

/** Narrows a change to a directory's. */
export function isDirChange(change: FileChange): change is DirectoryChange {
  return kindOfChange(change) === 'directory';
}

/** Narrows a change to a symbolic link's. */
export function isLinkChange(change: FileChange): change is SymlinkChange {
  return kindOfChange(change) === 'symlink';
}
