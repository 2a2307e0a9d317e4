import { shellQuote } from '../../transport/shellQuote.js';
import { BACKUP_STORE_LINE } from './backupStore.js';

/** Where a backup goes: beside the file as `<path>.bak.<UTC>` (what `backup: true` asks), or in ferry's store under a run id. */
export type BackupPlace = { beside: true } | { runId: string };

/** The exit status of a script whose backup step failed: nothing was changed. */
export const BACKUP_FAILED_RC = 9;

// Shell lines run before a change: when the path exists, copy the file it leads to with cp -p (mode and owner kept, so a
// backup is never wider than its original) and print `before=<sha256 of the copy> <mode uid gid owner group>` and
// `backup=<base64 path>`; print `before=absent` when there is nothing to keep. Exits BACKUP_FAILED_RC on any failure.
export function backupStep(path: string, place: BackupPlace): string {
  const where = 'beside' in place ? ['b=$__p.bak.$(date -u +%Y%m%dT%H%M%SZ)', ...FREE_NAME] : storeSlot(place.runId);
  const copy = guarded([
    // The trailing x keeps a path that ends in a newline intact through $(...).
    'real=$(readlink -f -- "$__p" && echo x); real=${real%?x}',
    '[ -f "$real" ] || { printf \'%s is not a regular file\\n\' "$__p" >&2; exit 1; }',
    ...where,
    'st=$(stat -c \'%a %u %g %U %G\' -- "$real")',
    'cp -p -- "$real" "$b"',
    'h=$(sha256sum < "$b")',
    'printf \'before=%s %s\\n\' "${h%% *}" "$st"',
    BACKUP_PATH_LINE,
  ]);
  return [`__p=${shellQuote(path)}`, 'if [ -e "$__p" ]; then', ...copy.map((l) => `  ${l}`), 'else', "  printf 'before=absent\\n'", 'fi', ''].join('\n');
}

/** Prints `backup=<base64 of $b>`: a path may hold any byte but NUL. */
export const BACKUP_PATH_LINE = 'printf \'backup=%s\\n\' "$(printf \'%s\' "$b" | base64 | tr -d \'\\n\')"';

/** Moves $b to a free name (`<b>`, else `<b>.1`, `<b>.2` …): two backups of one path in one second or run never collide. */
const FREE_NAME = ['s=$b n=0', 'while [ -e "$s" ] || [ -L "$s" ]; do n=$((n + 1)); s=$b.$n; done', 'b=$s'];

// Sets $b to a free place for $real in the run's backup store, its directories made private (umask 077) on the way.
export function storeSlot(runId: string): string[] {
  return ['umask 077', BACKUP_STORE_LINE, `b=$store/${shellQuote(runId)}$real`, 'mkdir -p -- "${b%/*}"', ...FREE_NAME];
}

// Runs lines in a subshell under set -e and exits BACKUP_FAILED_RC when one failed. The status is tested on a line of
// its own: a subshell whose status || tests runs with set -e switched off, on past a failed cp.
export function guarded(lines: readonly string[]): string[] {
  return ['(', '  set -e', ...lines.map((l) => `  ${l}`), ')', `[ "$?" -eq 0 ] || exit ${BACKUP_FAILED_RC}`];
}
