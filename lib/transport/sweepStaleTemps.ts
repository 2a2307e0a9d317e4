// A writer killed outright (SIGKILL, a host crash, a watchdog) cannot run its cleanup trap and leaves its temp file.
// The next write into the same directory removes such files, and only those: regular files named as ferry names its
// own temp files, `.ferry.<pid>.XXXXXX`, whose writer pid is gone (or a zombie). A live writer (or a reused pid) keeps its file;
// without a readable /proc nothing is removed. Runs in the write script, in `$dir`, before its own temp file exists.
export function sweepStaleTemps(): string[] {
  return [
    'if [ -d "/proc/$$" ]; then',
    '  for __f in "$dir"/.ferry.*.??????; do',
    '    [ -f "$__f" ] && [ ! -L "$__f" ] || continue',
    '    __p=${__f##*/.ferry.}',
    '    __p=${__p%.??????}',
    '    case $__p in "" | *[!0-9]*) continue ;; esac',
    // A killed writer whose parent is gone too may linger as a zombie where init does not reap: dead all the same.
    '    if [ -d "/proc/$__p" ] && ! grep -qs \'^State:[[:space:]]*Z\' "/proc/$__p/status"; then continue; fi',
    '    rm -f -- "$__f"',
    '  done',
    'fi',
  ];
}

/** The name pattern of ferry's temp files, as the sweep reads it (for specs and audits). */
export const TEMP_NAME = /^\.ferry\.(\d+)\.[A-Za-z0-9]{6}$/;
