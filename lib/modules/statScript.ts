import { shellQuote } from '../transport/shellQuote.js';

/** What one `ferry_stat` call reports besides type, mode, owner and size. */
export interface StatOptions {
  /** Compute the sha256 of a regular file. */
  checksum?: boolean;
  /** Also send the bytes of a regular file at most this large (base64), for diffs. */
  contentLimit?: number;
}

/** Content of small text files comes along for diffs up to this size, as in the copy module's contract. */
export const DIFF_LIMIT = 64 * 1024;

// One sh function that prints everything about a path as `label.key=value` lines, so a probe stats many paths in one round trip.
export const STAT_FUNCTION = `ferry_stat() {
  _p=$1 _l=$2 _sum=$3 _max=$4
  if [ -L "$_p" ]; then
    _t=$(readlink -- "$_p" | base64 | tr -d '\\n') || return 1
    printf '%s.link=%s\\n' "$_l" "$_t"
  fi
  if [ ! -e "$_p" ]; then
    printf '%s.exists=0\\n' "$_l"
    return 0
  fi
  _st=$(stat -L -c '%a %u %g %s %U %G' -- "$_p") || return 1
  printf '%s.exists=1\\n%s.stat=%s\\n' "$_l" "$_l" "$_st"
  if [ -d "$_p" ]; then
    printf '%s.type=directory\\n' "$_l"
  elif [ -f "$_p" ]; then
    printf '%s.type=file\\n' "$_l"
    if [ "$_sum" = 1 ]; then
      _h=$(sha256sum < "$_p") || return 1
      printf '%s.sha256=%s\\n' "$_l" "\${_h%% *}"
    fi
    # The size is the fourth field of the stat line above: no second stat, and the content goes straight out.
    _sz=\${_st#* * * }
    if [ "$_max" -gt 0 ] && [ "\${_sz%% *}" -le "$_max" ]; then
      printf '%s.content=' "$_l"
      base64 < "$_p" | tr -d '\\n' || return 1
      printf '\\n'
    fi
  else
    printf '%s.type=other\\n' "$_l"
  fi
}
`;

// One call of STAT_FUNCTION: the path shell-quoted, the label a plain word chosen by the module.
export function statCall(path: string, label: string, opts: StatOptions = {}): string {
  if (!/^[a-z_]+$/.test(label)) throw new Error(`stat label must be a plain word, got ${label}`);
  const sum = opts.checksum ? '1' : '0';
  const max = String(Math.max(0, Math.floor(opts.contentLimit ?? 0)));
  return `ferry_stat ${shellQuote(path)} ${label} ${sum} ${max} || exit 3`;
}

// A whole probe that stats several paths: `set -u`, the function, then one call per path.
export function statScript(calls: ReadonlyArray<{ path: string; label: string; opts?: StatOptions }>): string {
  return ['set -u', STAT_FUNCTION, ...calls.map((c) => statCall(c.path, c.label, c.opts))].join('\n');
}
