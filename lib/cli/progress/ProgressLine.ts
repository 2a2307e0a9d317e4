import type { HostTaskResult, RunListener } from '../../report/types.js';
import { progressText } from './progressText.js';

/** The terminal the line is drawn on (stderr). */
export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

/** How the line behaves. */
export interface ProgressOptions {
  /** No line before the run has lasted this long: short runs stay as they were. */
  delayMs: number;
  /** Masks secrets in what is drawn (task names already are; this is the belt to those braces). */
  mask(text: string): string;
  now?: () => number;
}

const CLEAR = '\r\u001b[K';

// A live status line at the bottom of a terminal for long runs; the console clears it before each of its own lines
// and has it redrawn after, so the line never mixes into the output people read or paste.
export class ProgressLine implements RunListener {
  private readonly started: number;
  private readonly now: () => number;
  private readonly active = new Set<string>();
  private readonly answered = new Set<string>();
  private total = 0;
  private what = '';
  private drawn = false;
  private paused = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly opts: ProgressOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.started = this.now();
    this.timer = setInterval(() => this.redraw(), 1000);
    this.timer.unref();
  }

  playStart(play: { name: string; hosts: string[] }): void {
    this.active.clear();
    play.hosts.forEach((h) => this.active.add(h));
    this.answered.clear();
    this.total = this.active.size;
    this.what = `PLAY [${play.name}]`;
    this.redraw();
  }

  taskStart(task: { name: string; module: string; handler?: boolean }): void {
    this.answered.clear();
    this.total = this.active.size;
    this.what = `${task.handler ? 'HANDLER' : 'TASK'} [${task.name || task.module}]`;
    this.redraw();
  }

  hostResult(_task: unknown, result: HostTaskResult): void {
    this.answered.add(result.host);
    if (result.status === 'failed' && !result.ignored) this.active.delete(result.host);
    else this.active.add(result.host);
    this.redraw();
  }

  hostUnreachable(host: string): void {
    this.answered.add(host);
    this.active.delete(host);
    this.redraw();
  }

  runEnd(): void {
    this.stop();
  }

  /** Takes the line off the screen (before other output, or for good). */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write(CLEAR);
    this.drawn = false;
  }

  /** Holds the line off the screen while ferry waits for an answer (--step). */
  pause(on: boolean): void {
    this.paused = on;
    if (on) this.clear();
    else this.redraw();
  }

  redraw(): void {
    if (this.paused || this.timer === undefined) return;
    const elapsedMs = this.now() - this.started;
    if (elapsedMs < this.opts.delayMs) return;
    const width = this.stream.columns || 80;
    const text = this.opts.mask(progressText({ elapsedMs, done: this.answered.size, total: this.total, what: this.what }, width));
    this.stream.write(`${CLEAR}${text}`);
    this.drawn = true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}
