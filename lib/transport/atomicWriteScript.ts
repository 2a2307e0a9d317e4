import { shellQuote } from './shellQuote.js';
import { sweepStaleTemps } from './sweepStaleTemps.js';

/** Where and how to write; the content is not here: it arrives on the script's stdin. */
export interface AtomicWriteTarget {
  path: string;
  mode?: number;
  owner?: string;
  group?: string;
}

/** Exit codes of the write script, each naming the step that failed. */
export const WRITE_STEP: Record<number, string> = {
  2: 'resolve the target',
  3: 'create a temp file',
  4: 'set owner and mode',
  5: 'write the content',
  6: 'sync the temp file',
  7: 'rename over the target',
};

/** `0644`: a mode as chmod reads it; anything outside 0..07777 is refused. */
export function formatMode(mode: number): string {
  if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777) throw new RangeError(`invalid file mode ${mode}`);
  return mode.toString(8).padStart(4, '0');
}

// One round trip, atomic: follow symlinks to the real file, make a temp file beside it, give it its final owner and mode
// while still empty, fill it from stdin, fsync, rename over the target. Any failure removes the temp file.
export function atomicWriteScript(target: AtomicWriteTarget): string {
  const owner = [target.owner ?? '', target.group ?? ''];
  const chownSpec = owner[0] && owner[1] ? `${owner[0]}:${owner[1]}` : owner[0] || (owner[1] ? `:${owner[1]}` : '');
  return [
    `target=${shellQuote(target.path)}`,
    `mode=${shellQuote(target.mode === undefined ? '' : formatMode(target.mode))}`,
    `owner=${shellQuote(chownSpec)}`,
    'tmp=',
    `__ferry_fail() { __rc=$1; shift; printf '%s\\n' "$*" >&2; if [ -n "$tmp" ]; then rm -f -- "$tmp"; fi; exit "$__rc"; }`,
    "trap 'if [ -n \"$tmp\" ]; then rm -f -- \"$tmp\"; fi' EXIT",
    "trap 'exit 143' HUP INT TERM",
    // The trailing x keeps a path that ends in a newline intact through $(...).
    'real=$(readlink -f -- "$target" && echo x) || __ferry_fail 2 "cannot resolve $target: its directory does not exist"',
    'real=${real%?x}',
    '[ -d "$real" ] && __ferry_fail 2 "$target is a directory"',
    'dir=${real%/*}',
    '[ -n "$dir" ] || dir=/',
    ...sweepStaleTemps(),
    // The writer's pid is in the name, so a later write can tell a temp file whose writer died from one still in use.
    'tmp=$(mktemp -- "$dir/.ferry.$$.XXXXXX" && echo x) || { tmp=; __ferry_fail 3 "cannot create a temp file in $dir"; }',
    'tmp=${tmp%?x}',
    'if [ -e "$real" ] && [ "$(stat -c %u:%g -- "$real")" != "$(stat -c %u:%g -- "$tmp")" ]; then',
    '  chown --reference="$real" -- "$tmp" || __ferry_fail 4 "cannot keep the owner of $target"',
    'fi',
    'if [ -n "$owner" ]; then chown -- "$owner" "$tmp" || __ferry_fail 4 "cannot give $target to $owner"; fi',
    'if [ -n "$mode" ]; then chmod -- "$mode" "$tmp" || __ferry_fail 4 "cannot set mode $mode"',
    'elif [ -e "$real" ]; then chmod --reference="$real" -- "$tmp" || __ferry_fail 4 "cannot keep the mode of $target"',
    'else chmod 0644 -- "$tmp" || __ferry_fail 4 "cannot set mode 0644"; fi',
    'cat >"$tmp" || __ferry_fail 5 "cannot write $tmp"',
    'sync -- "$tmp" || __ferry_fail 6 "cannot sync $tmp"',
    'mv -fT -- "$tmp" "$real" || __ferry_fail 7 "cannot rename the temp file over $target"',
    'tmp=',
    'sync -- "$dir" 2>/dev/null || :',
    '',
  ].join('\n');
}
