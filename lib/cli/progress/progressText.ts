/** What the live line shows: how long the run has taken, how far the current task is, which task. */
export interface ProgressState {
  elapsedMs: number;
  /** Hosts that have answered the current task. */
  done: number;
  /** Hosts the current task runs on. */
  total: number;
  /** `TASK [name]`, or the play while no task has started. */
  what: string;
}

/** `m:ss`, or `h:mm:ss` past the hour. */
export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

// The one live line of a long run on a terminal: `[0:42] 2/3 hosts | TASK [App config]`, cut to the terminal's width.
export function progressText(state: ProgressState, width: number): string {
  const text = `[${formatElapsed(state.elapsedMs)}] ${state.done}/${Math.max(state.total, state.done)} hosts | ${state.what}`;
  const room = Math.max(10, width - 1);
  return text.length <= room ? text : `${text.slice(0, room - 3)}...`;
}
