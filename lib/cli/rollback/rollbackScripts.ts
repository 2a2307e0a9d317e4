import { backupStep } from '../../modules/changes/backupStep.js';
import type { FileState, RegularFileChange } from '../../report/types.js';
import { shellQuote } from '../../transport/shellQuote.js';
import { tempBeside } from './tempBeside.js';

/** Exit statuses of the restore script, each naming the step that failed. */
export const RESTORE_STEP: Record<number, string> = {
  3: 'create a temp file beside it',
  4: 'set the recorded owner and mode',
  5: 'copy the backup',
  6: 'sync the restored file',
  7: 'rename it into place',
  8: 'remove it',
  10: 'find it as it was a moment ago: it changed while being restored',
  11: 'create the directory',
  12: 'copy the directory back from its backup',
  13: 'create the symlink',
};

// Read-only, one round trip: what the path holds now (through symlinks, as the run wrote it) and the backup's sha256.
export function restoreProbeScript(change: Pick<RegularFileChange, 'path' | 'backup'>): string {
  return [
    `__p=${shellQuote(change.path)}`,
    `__b=${shellQuote(change.backup ?? '')}`,
    'if [ -e "$__p" ]; then',
    '  real=$(readlink -f -- "$__p" && echo x) || exit 3',
    '  real=${real%?x}',
    '  if [ -f "$real" ]; then',
    '    h=$(sha256sum < "$real") || exit 3',
    '    st=$(stat -c \'%a %u %g %U %G\' -- "$real") || exit 3',
    '    printf \'current=%s %s\\n\' "${h%% *}" "$st"',
    "  else printf 'current=other\\n'; fi",
    "elif [ -L \"$__p\" ]; then printf 'current=other\\n'",
    "else printf 'current=absent\\n'; fi",
    'if [ -n "$__b" ]; then',
    '  if [ -f "$__b" ] && [ ! -L "$__b" ]; then h=$(sha256sum < "$__b") || exit 3; printf \'backup=%s\\n\' "${h%% *}"',
    "  else printf 'backup=missing\\n'; fi",
    'fi',
    '',
  ].join('\n');
}

// One round trip: keep what is there now (so the rollback can itself be undone), then put the pre-run copy back
// atomically (temp file beside the target, recorded owner and mode set before any byte, synced, renamed over),
// or remove a file the run created.
export function restoreScript(change: RegularFileChange, runId: string, seen: string): string {
  const steps = [unchangedSince(change.path, seen), backupStep(change.path, { runId })];
  if (change.before === 'absent') return [...steps, 'rm -f -- "$__p" || exit 8', ''].join('\n');
  return [...steps, `__b=${shellQuote(change.backup!)}`, ...putBack(change.before), ''].join('\n');
}

/** Exits 10 unless the path still holds what the probe saw (its sha256, or `absent`): a restore never lands on news. */
function unchangedSince(path: string, seen: string): string {
  return [
    `__now=$(if [ -e ${shellQuote(path)} ]; then sha256sum < ${shellQuote(path)}; else echo absent; fi) || exit 10`,
    `[ "\${__now%% *}" = ${shellQuote(seen)} ] || exit 10`,
  ].join('\n');
}

function putBack(before: FileState): string[] {
  return [
    'if [ -e "$__p" ]; then real=$(readlink -f -- "$__p" && echo x) || exit 3; real=${real%?x}; else real=$__p; fi',
    ...tempBeside('real', 'file'),
    // Owner first: chown clears set-id bits, which the chmod after it puts back.
    `chown -- ${before.uid}:${before.gid} "$tmp" || exit 4`,
    `chmod -- ${before.mode} "$tmp" || exit 4`,
    'cat -- "$__b" >"$tmp" || exit 5',
    'sync -- "$tmp" || exit 6',
    'mv -fT -- "$tmp" "$real" || exit 7',
    'tmp=',
    'sync -- "$dir" 2>/dev/null || :',
  ];
}
