import { dirStateOf, lineOf, linkStateOf } from '../../modules/changes/pathStateOf.js';
import { isDirChange } from '../../report/changeKind.js';
import type { DirectoryChange, SymlinkChange } from '../../report/types.js';
import { shellQuote } from '../../transport/shellQuote.js';
import type { Current } from './sameState.js';
import { SEEN_FUNCTIONS } from './seenScript.js';

/** What a directory or symlink restore found: the path now, its backup tree's digest, and a directory's names. */
export interface PathFacts {
  current: Current;
  /** The `ferry_seen` line itself: the restore acts only if the path still reads the same. */
  seen: string;
  /** Digest of the backup copy of a removed tree, or `missing`. */
  backup?: string;
  /** The first names in the directory (base64-decoded), or `many` past the limit; only when removing a made directory. */
  entries?: string[] | 'many';
}

/** How a restore looks at a path: through a final symlink (a re-moded directory, as chmod went) or not. */
export interface SeenArgs {
  follow: boolean;
  tree: boolean;
}

// A directory re-moded through a symlink is looked at through it; one made, removed or put back is the path itself.
// The tree is digested only when the record has a digest to compare with.
export function seenArgsOf(change: DirectoryChange | SymlinkChange): SeenArgs {
  if (!isDirChange(change)) return { follow: false, tree: false };
  const { before, after } = change;
  return { follow: before !== 'absent' && after !== 'absent', tree: (before !== 'absent' && before.tree !== undefined) || (after !== 'absent' && after.tree !== undefined) };
}

/** `ferry_seen` called with a path and how to look at it. */
export function seenCall(path: string, how: SeenArgs): string {
  return `ferry_seen ${shellQuote(path)} ${how.follow ? 1 : 0} ${how.tree ? 1 : 0}`;
}

// Read-only, one round trip: the path now, and (removing a tree put back, or putting one back) the backup's digest.
export function pathProbeScript(change: DirectoryChange | SymlinkChange): string {
  const how = seenArgsOf(change);
  const lines = [SEEN_FUNCTIONS, `__s=$(${seenCall(change.path, how)}) || exit 3`, `printf 'current=%s\\n' "$__s"`];
  const madeEmpty = isDirChange(change) && change.before === 'absent' && change.after !== 'absent' && change.after.tree === undefined;
  if (madeEmpty) lines.push(`case $__s in dir*) ferry_entries ${shellQuote(change.path)} ;; esac`);
  if (change.backup !== undefined) {
    const b = shellQuote(change.backup);
    lines.push(`if [ -d ${b} ] && [ ! -L ${b} ]; then __h=$(ferry_tree ${b}) || exit 3; printf 'backup=%s\\n' "$__h"; else printf 'backup=missing\\n'; fi`);
  }
  return [...lines, ''].join('\n');
}

/** Reads the probe's lines back. */
export function parsePathFacts(stdout: string): PathFacts {
  const seen = lineOf(stdout, 'current') ?? 'other';
  const facts: PathFacts = { current: currentOf(seen), seen };
  const backup = lineOf(stdout, 'backup');
  if (backup !== undefined) facts.backup = backup;
  const count = lineOf(stdout, 'entries');
  if (count !== undefined) {
    const names = stdout.split('\n').filter((l) => l.startsWith('entry=')).map((l) => Buffer.from(l.slice(6), 'base64').toString('utf8'));
    facts.entries = Number(count) > names.length ? 'many' : names;
  }
  return facts;
}

/** A `ferry_seen` line as a state. */
export function currentOf(seen: string): Current {
  if (seen === 'absent') return 'absent';
  if (seen.startsWith('dir ')) return dirStateOf(seen.slice(4)) ?? 'other';
  if (seen.startsWith('link ')) return linkStateOf(seen.slice(5)) ?? 'other';
  return 'other';
}
