import { globWord } from './globWord.js';

// The part of the audit script that, given the hit files (on stdin, one per line), lists the crontab entries that read
// one of them: the entry names the file (or a symlink to it, found under the searched paths "$@"), or runs a script
// that names it (one level). Each reader is `reader<TAB>crontab<TAB>line<TAB>script or -<TAB>file read`.
export function readersScript(cronDirs: readonly string[]): string {
  const crontabs = cronDirs.map((d) => `${globWord(d.replace(/\/+$/, ''))}/*`).join(' ');
  return [
    'targets=$(awk \'!seen[$0]++\' | while IFS= read -r p; do',
    '  printf \'%s\\n\' "$p"',
    '  find -L "$@" -samefile "$p" 2>/dev/null',
    "done | awk '!seen[$0]++')",
    'crontabs=$(for c in ' + crontabs + '; do [ -f "$c" ] && printf \'%s\\n\' "$c"; done)',
    // From here on no word is a glob: a crontab line is split into words, never expanded.
    'set -f',
    // $1 names $2 when the path is not just the start of a longer one (all.env is not all.env.bak).
    'names() { case $1 in *"$2"|*"$2"[!A-Za-z0-9._/-]*) return 0;; esac; return 1; }',
    'reads_target() {', // $1: a file; prints each target it names
    '  printf \'%s\\n\' "$targets" | while IFS= read -r t; do',
    '    [ -n "$t" ] || continue',
    '    grep -IF -e "$t" -- "$1" 2>/dev/null | while IFS= read -r s; do names "$s" "$t" && { printf \'%s\\n\' "$t"; break; }; done',
    '  done',
    '}',
    'printf \'%s\\n\' "$crontabs" | while IFS= read -r cf; do',
    '  [ -n "$cf" ] || continue',
    '  n=0',
    '  while IFS= read -r l || [ -n "$l" ]; do',
    '    n=$((n+1))',
    '    case $l in \'\'|\'#\'*) continue;; esac',
    '    printf \'%s\\n\' "$targets" | while IFS= read -r t; do',
    '      [ -n "$t" ] && names "$l" "$t" && printf \'reader\\t%s\\t%s\\t-\\t%s\\n\' "$(b64 "$cf")" "$n" "$(b64 "$t")"',
    '    done',
    '    prev=',
    '    for w in $l; do',
    // A redirection's target (>> /var/log/x.log) is written, not run.
    '      case $prev in *\'>\'|*\'<\') prev=$w; continue;; esac',
    '      prev=$w',
    '      w=${w#[\\"\\\']}; w=${w%[\\"\\\';]}',
    '      case $w in /*) ;; *) continue;; esac',
    '      [ -f "$w" ] || continue',
    '      reads_target "$w" | while IFS= read -r t; do',
    '        printf \'reader\\t%s\\t%s\\t%s\\t%s\\n\' "$(b64 "$cf")" "$n" "$(b64 "$w")" "$(b64 "$t")"',
    '      done',
    '    done',
    '  done < "$cf"',
    'done',
  ].join('\n');
}
