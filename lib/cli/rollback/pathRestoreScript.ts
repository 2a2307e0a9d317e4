import { linkRecordStep, treeBackupStep } from '../../modules/changes/treeBackupStep.js';
import { isDirChange } from '../../report/changeKind.js';
import type { DirectoryChange, DirState, LinkState, SymlinkChange } from '../../report/types.js';
import { shellQuote } from '../../transport/shellQuote.js';
import { seenArgsOf, seenCall } from './pathProbeScript.js';
import { SEEN_FUNCTIONS } from './seenScript.js';
import { tempBeside } from './tempBeside.js';

// One round trip that undoes one directory or symlink change, only if the path still reads as the probe saw it
// (exit 10 otherwise). What it replaces is kept first (a tree in the rollback's own store, a link's target in the
// record), so the rollback can itself be undone.
export function pathRestoreScript(change: DirectoryChange | SymlinkChange, runId: string, seen: string): string {
  const p = shellQuote(change.path);
  const head = [SEEN_FUNCTIONS, `[ "$(${seenCall(change.path, seenArgsOf(change))})" = ${shellQuote(seen)} ] || exit 10`];
  return [...head, ...(isDirChange(change) ? dirSteps(change, p, runId) : linkSteps(change, p)), ''].join('\n');
}

function dirSteps(change: DirectoryChange, p: string, runId: string): string[] {
  const { before, after } = change;
  if (before === 'absent') {
    if (after !== 'absent' && after.tree !== undefined) return [treeBackupStep(change.path, runId), `rm -rf -- ${p} || exit 8`];
    return [`__st=$(stat -c '%a %u %g %U %G' -- ${p}) || exit 8`, `printf 'dir=%s\\n' "$__st"`, `rmdir -- ${p} || exit 8`];
  }
  if (after !== 'absent') return setAttrs(before, p);
  if (before.tree === undefined) return [`mkdir -m 0${before.mode} -- ${p} || exit 11`, ...setAttrs(before, p)];
  return copyTreeBack(before, p, change.backup!);
}

/** Owner first: chown may clear set-id bits, which the chmod after it puts back; `0` first clears a directory's too. */
function setAttrs(state: DirState, p: string): string[] {
  return [`chown -- ${state.uid}:${state.gid} ${p} || exit 4`, `chmod -- 0${state.mode} ${p} || exit 4`];
}

// The copy is made beside the path under a temp name, checked against the recorded digest, then renamed into place.
function copyTreeBack(before: DirState, p: string, backup: string): string[] {
  return [
    `__p=${p}`,
    `__b=${shellQuote(backup)}`,
    ...tempBeside('__p', 'directory'),
    'cp -a -- "$__b" "$tmp/t" || exit 12',
    `[ "$(ferry_tree "$tmp/t")" = ${shellQuote(before.tree!)} ] || exit 12`,
    '[ -e "$__p" ] || [ -L "$__p" ] && exit 10',
    'mv -T -- "$tmp/t" "$__p" || exit 7',
    'rmdir -- "$tmp" 2>/dev/null || :',
    'tmp=',
  ];
}

function linkSteps(change: SymlinkChange, p: string): string[] {
  if (change.before === 'absent') return [linkRecordStep(change.path), `rm -f -- ${p} || exit 8`];
  const link: LinkState = change.before;
  return [`ln -s -- ${shellQuote(link.target)} ${p} || exit 13`, `chown -h -- ${link.uid}:${link.gid} ${p} || exit 4`];
}
