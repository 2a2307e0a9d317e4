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
  const where =
    'beside' in place
      ? ['b=$__p.bak.$(date -u +%Y%m%dT%H%M%SZ)']
      : ['umask 077', BACKUP_STORE_LINE, `b=$store/${shellQuote(place.runId)}$real`, 'mkdir -p -- "${b%/*}"'];
  return [
    `__p=${shellQuote(path)}`,
    'if [ -e "$__p" ]; then',
    '  (',
    '    set -e',
    // The trailing x keeps a path that ends in a newline intact through $(...).
    '    real=$(readlink -f -- "$__p" && echo x); real=${real%?x}',
    '    [ -f "$real" ] || { printf \'%s is not a regular file\\n\' "$__p" >&2; exit 1; }',
    ...where.map((l) => `    ${l}`),
    // Two backups of one file in one second (or one run) must not overwrite each other: the second one gets `.1`.
    '    s=$b n=0',
    '    while [ -e "$s" ] || [ -L "$s" ]; do n=$((n + 1)); s=$b.$n; done',
    '    b=$s',
    '    st=$(stat -c \'%a %u %g %U %G\' -- "$real")',
    '    cp -p -- "$real" "$b"',
    '    h=$(sha256sum < "$b")',
    '    printf \'before=%s %s\\n\' "${h%% *}" "$st"',
    '    printf \'backup=%s\\n\' "$(printf \'%s\' "$b" | base64 | tr -d \'\\n\')"',
    '  )',
    // Tested apart, not with ||: a subshell whose status || tests runs with set -e switched off, past a failed cp.
    `  [ "$?" -eq 0 ] || exit ${BACKUP_FAILED_RC}`,
    'else',
    "  printf 'before=absent\\n'",
    'fi',
    '',
  ].join('\n');
}
