import { shellQuote } from '../../transport/shellQuote.js';
import { BACKUP_FAILED_RC } from './backupStep.js';
import { BACKUP_STORE_LINE } from './backupStore.js';
import { TREE_DIGEST_FUNCTION } from './treeDigest.js';

// Shell lines run before a directory is removed: copy the whole tree with cp -a (modes, owners and links kept) into
// the run's backup store, and print `dir=<mode uid gid owner group> <tree digest of the copy>` and
// `backup=<base64 path>`. Exits BACKUP_FAILED_RC on any failure, so nothing is removed without its copy.
export function treeBackupStep(path: string, runId: string): string {
  return [
    TREE_DIGEST_FUNCTION,
    `__p=${shellQuote(path)}`,
    '(',
    '  set -e',
    '  real=$(readlink -f -- "$__p" && echo x); real=${real%?x}',
    '  umask 077',
    `  ${BACKUP_STORE_LINE}`,
    `  b=$store/${shellQuote(runId)}$real`,
    '  mkdir -p -- "${b%/*}"',
    '  s=$b n=0',
    '  while [ -e "$s" ] || [ -L "$s" ]; do n=$((n + 1)); s=$b.$n; done',
    '  b=$s',
    '  st=$(stat -c \'%a %u %g %U %G\' -- "$real")',
    '  cp -a -- "$real" "$b"',
    '  t=$(ferry_tree "$b")',
    '  printf \'dir=%s %s\\n\' "$st" "$t"',
    '  printf \'backup=%s\\n\' "$(printf \'%s\' "$b" | base64 | tr -d \'\\n\')"',
    ')',
    // Tested apart, not with ||: a subshell whose status || tests runs with set -e switched off.
    `[ "$?" -eq 0 ] || exit ${BACKUP_FAILED_RC}`,
    '',
  ].join('\n');
}

// Shell lines that print what a symbolic link is before it goes: `link=<uid gid owner group> <base64 target>`.
export function linkRecordStep(path: string): string {
  return [
    `__p=${shellQuote(path)}`,
    '(',
    '  set -e',
    '  t=$(readlink -- "$__p" && echo x); t=${t%?x}',
    '  st=$(stat -c \'%u %g %U %G\' -- "$__p")',
    '  printf \'link=%s %s\\n\' "$st" "$(printf \'%s\' "$t" | base64 | tr -d \'\\n\')"',
    ')',
    // Tested apart, not with ||: a subshell whose status || tests runs with set -e switched off.
    `[ "$?" -eq 0 ] || exit ${BACKUP_FAILED_RC}`,
    '',
  ].join('\n');
}
