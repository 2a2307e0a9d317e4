import type { AuditTarget } from './tokenAuditTypes.js';

/** A Gitea token: 40 lowercase hex, a word of its own. */
const TOKEN_ERE = '[0-9a-f]{40}';

// The part of the audit script that finds `path<TAB>line<TAB>last8` hits among the searched paths ("$@"), reading every
// file on the host and sending back only where the token is. By last eight: grep for a 40-hex word ending in those
// eight characters, which Gitea shows to any admin, so nothing secret is in any argv. By fingerprint: the SHA-256 comes
// on stdin, each distinct 40-hex word is hashed on the host (printf is a builtin, so no word reaches an argv), and the
// word that matches is handed to grep on a pipe (-f -), never on its command line.
export function searchScript(target: AuditTarget): string {
  const locate = [
    // $1: the file; the pattern on stdin. Line numbers only: a line may hold other secrets.
    'lines_of() { grep -nwE -f - -- "$1" 2>/dev/null | cut -d: -f1; }',
    // $1: the last eight; the pattern on stdin; every file and line holding it.
    'report_hits() {',
    '  pat=$(cat)',
    '  printf \'%s\\n\' "$pat" | grep -rlIwE -f - -- "$@" 2>>"$errs" | while IFS= read -r f; do',
    '    printf \'%s\\n\' "$pat" | lines_of "$f" | while IFS= read -r n; do printf \'hit\\t%s\\t%s\\t%s\\n\' "$(b64 "$f")" "$n" "$l8"; done',
    '  done',
    '}',
  ];
  if (target.mode === 'last_eight') {
    return [
      ...locate,
      `for l8 in ${target.lastEights.join(' ')}; do`,
      `  printf '%s\\n' '[0-9a-f]{32}'"$l8" | report_hits "$@"`,
      'done',
    ].join('\n');
  }
  return [
    ...locate,
    'IFS= read -r want || want=',
    // awk keeps the distinct words in memory, where sort might spill them to a temporary file.
    `tok=$(grep -rhoIwE -e '${TOKEN_ERE}' -- "$@" 2>>"$errs" | awk '!seen[$0]++' | while IFS= read -r w; do`,
    '  if [ "$(printf \'%s\' "$w" | sha256sum | cut -d\' \' -f1)" = "$want" ]; then printf \'%s\' "$w"; break; fi',
    'done)',
    'if [ -n "$tok" ]; then',
    '  l8=${tok#"${tok%????????}"}',
    '  printf \'found\\t%s\\n\' "$l8"',
    // A fixed string is also a valid ERE here: 40 hex characters have no special meaning.
    '  printf \'%s\\n\' "$tok" | report_hits "$@"',
    'fi',
    'tok=',
  ].join('\n');
}
