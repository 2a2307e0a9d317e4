import { shellQuote } from '../../transport/shellQuote.js';
import { HOLDER_WIDTH } from './holderText.js';

/** What the lock script is told; the holder text is not secret, and the script travels on stdin anyway. */
export interface LockScriptInput {
  path: string;
  holder: string;
  /** 0: fail at once when held; otherwise seconds to wait. */
  waitSeconds: number;
  staleSeconds: number;
}

/** The first word after `FERRY-LOCK` on each line the script prints. */
export type LockAnswer = 'HELD' | 'BUSY' | 'WAITING' | 'ERROR';

// The host lock: flock(1) on a file opened by the script's own shell, held for as long as that shell lives. The shell
// lives while its channel does and the controller's heartbeats keep coming: a run that ends, dies or drops off the
// network releases the lock by itself, at once or after `staleSeconds`. Every answer is one `FERRY-LOCK …` line.
export function hostLockScript(input: LockScriptInput): string {
  const width = HOLDER_WIDTH;
  return [
    `lock=${shellQuote(input.path)}`,
    `holder=${shellQuote(input.holder)}`,
    `wait=${Math.max(0, Math.floor(input.waitSeconds))}`,
    `stale=${Math.max(1, Math.floor(input.staleSeconds))}`,
    `say() { printf 'FERRY-LOCK %s\\n' "$*"; }`,
    // Only printable text of the file reaches the controller.
    `held_by() { head -c ${width + 1} -- "$lock" 2>/dev/null | tr -d '\\000-\\037\\177' | sed 's/  *$//'; }`,
    'command -v flock >/dev/null 2>&1 || { say ERROR "flock(1) is not installed on this host"; exit 0; }',
    'command -v timeout >/dev/null 2>&1 || { say ERROR "timeout(1) is not installed on this host"; exit 0; }',
    '[ -L "$lock" ] && { say ERROR "$lock is a symbolic link: remove it"; exit 0; }',
    // Created 0666 so any login user can take it; opened read-write when allowed (to record the holder), else read-only.
    'rw=1',
    'old_umask=$(umask); umask 0',
    '{ command exec 9<>"$lock"; } 2>/dev/null || { rw=0; { command exec 9<"$lock"; } 2>/dev/null; } || { umask "$old_umask"; say ERROR "cannot open $lock"; exit 0; }',
    'umask "$old_umask"',
    // A symlink swapped in between the check and the open is caught before anything is written.
    'if [ -L "$lock" ] || [ "$(stat -c %d:%i -- "$lock")" != "$(stat -L -c %d:%i /proc/self/fd/9 2>/dev/null || stat -L -c %d:%i /dev/fd/9)" ]; then say ERROR "$lock changed while it was opened"; exit 0; fi',
    'if ! flock -n 9; then',
    '  if [ "$wait" -eq 0 ]; then say BUSY "$(held_by)"; exit 0; fi',
    '  say WAITING "$(held_by)"',
    '  flock -w "$wait" 9 || { say BUSY "$(held_by)"; exit 0; }',
    'fi',
    // One write at offset 0 of a fixed width: a reader never sees a mix of two holders.
    `[ "$rw" = 1 ] && printf '%-${width}.${width}s\\n' "$holder" >&9`,
    'say HELD',
    // Each heartbeat is a line on stdin; end of input or silence for `stale` seconds ends the shell, and the lock.
    'while beat=$(timeout "$stale" head -n 1) && [ -n "$beat" ]; do :; done',
    'exit 0',
  ].join('\n');
}

/** Splits `FERRY-LOCK WORD rest` into its answer and text; anything else is not an answer. */
export function parseLockLine(line: string): { answer: LockAnswer; text: string } | undefined {
  const m = /^FERRY-LOCK (HELD|BUSY|WAITING|ERROR) ?(.*)$/.exec(line);
  return m ? { answer: m[1] as LockAnswer, text: m[2] } : undefined;
}
