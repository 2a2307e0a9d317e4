import { DEFAULT_AUDIT_PATHS, DEFAULT_CRON_DIRS } from './auditDefaults.js';
import { globWord } from './globWord.js';
import { readersScript } from './readersScript.js';
import { searchScript } from './searchScript.js';
import type { AuditTarget } from './tokenAuditTypes.js';

/** Unreadable paths a host reports at most; one is enough to call the audit incomplete. */
const UNREADABLE_LIMIT = 200;

// The whole audit of one host in one script: expand the searched paths, find the hits, list the crontab entries
// that read them, and the paths grep could not read. Output is tab-separated records, paths in base64, then `done`.
export function auditScript(target: AuditTarget, paths: readonly string[] = DEFAULT_AUDIT_PATHS, cronDirs: readonly string[] = DEFAULT_CRON_DIRS): string {
  return [
    'export LC_ALL=C',
    'b64() { printf \'%s\' "$1" | base64 | tr -d \'\\n\'; }',
    'errs=$(mktemp) || exit 1',
    'trap \'rm -f "$errs"\' EXIT',
    'set --',
    `for r in ${paths.map(globWord).join(' ')}; do`,
    '  [ -e "$r" ] || continue',
    '  set -- "$@" "$r"',
    '  printf \'root\\t%s\\n\' "$(b64 "$r")"',
    'done',
    'if [ $# -gt 0 ]; then',
    `hits=$(${inner(searchScript(target))})`,
    'printf \'%s\\n\' "$hits"',
    'if printf \'%s\\n\' "$hits" | grep -q \'^hit\'; then',
    // Hit records are `hit<TAB>b64(path)<TAB>…`: the files read by crons are those paths, decoded.
    'printf \'%s\\n\' "$hits" | awk -F \'\\t\' \'$1 == "hit" { print $2 }\' | while IFS= read -r e; do printf \'%s\' "$e" | base64 -d; printf \'\\n\'; done |',
    `  ( ${inner(readersScript(cronDirs))} )`,
    'fi',
    'fi',
    `sed -n 's/^grep: \\(.*\\): Permission denied$/\\1/p' "$errs" | awk '!seen[$0]++' | head -n ${UNREADABLE_LIMIT} | while IFS= read -r u; do printf 'unreadable\\t%s\\n' "$(b64 "$u")"; done`,
    'printf \'done\\n\'',
  ].join('\n');
}

/** A script part as the body of a subshell, on lines of its own. */
function inner(script: string): string {
  return `\n${script}\n`;
}
