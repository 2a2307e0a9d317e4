import { shellQuote } from '../../transport/shellQuote.js';
import { BACKUP_PATH_LINE, guarded, storeSlot } from './backupStep.js';
import { TREE_DIGEST_FUNCTION } from './treeDigest.js';

// Shell lines run before a directory is removed: copy the whole tree with cp -a (modes, owners and links kept) into
// the run's backup store, and print `dir=<mode uid gid owner group> <tree digest of the copy>` and
// `backup=<base64 path>`. Exits BACKUP_FAILED_RC on any failure, so nothing is removed without its copy.
export function treeBackupStep(path: string, runId: string): string {
  return [
    TREE_DIGEST_FUNCTION,
    `__p=${shellQuote(path)}`,
    ...guarded([
      'real=$(readlink -f -- "$__p" && echo x); real=${real%?x}',
      ...storeSlot(runId),
      'st=$(stat -c \'%a %u %g %U %G\' -- "$real")',
      'cp -a -- "$real" "$b"',
      't=$(ferry_tree "$b")',
      'printf \'dir=%s %s\\n\' "$st" "$t"',
      BACKUP_PATH_LINE,
    ]),
    '',
  ].join('\n');
}

// Shell lines that print what a symbolic link is before it goes: `link=<uid gid owner group> <base64 target>`.
export function linkRecordStep(path: string): string {
  return [
    `__p=${shellQuote(path)}`,
    ...guarded([
      't=$(readlink -- "$__p" && echo x); t=${t%?x}',
      'st=$(stat -c \'%u %g %U %G\' -- "$__p")',
      'printf \'link=%s %s\\n\' "$st" "$(printf \'%s\' "$t" | base64 | tr -d \'\\n\')"',
    ]),
    '',
  ].join('\n');
}
