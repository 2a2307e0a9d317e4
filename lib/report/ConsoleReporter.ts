import { banner } from './banner.js';
import { colorDiff } from './colorDiff.js';
import { paletteFor, type Palette } from './palette.js';
import { recapLines } from './recapLines.js';
import { resultLines } from './resultLines.js';
import type { HostTaskResult, RunListener, RunReport } from './types.js';

/** Where the console output goes and how much of it to show. */
export interface ConsoleOptions {
  write: (s: string) => void;
  color: boolean;
  diff: boolean;
  verbosity: number;
  check: boolean;
}

/** The task a result belongs to, as the engine names it. */
interface TaskRef {
  name: string;
  module: string;
  handler?: boolean;
}

// Prints a run the way ansible-playbook does, so operators read ferry's output without learning a new format.
export class ConsoleReporter implements RunListener {
  private readonly out: (s: string) => void;
  private readonly p: Palette;
  private readonly opts: ConsoleOptions;
  /** Key of the task whose banner was printed last, to re-announce a task whose results arrive late. */
  private lastTask: string | undefined;
  private readonly handlers = new Set<string>();

  constructor(opts: ConsoleOptions) {
    this.opts = opts;
    this.out = opts.write;
    this.p = paletteFor(opts.color);
  }

  playStart(play: { name: string; hosts: string[] }): void {
    const name = play.name || play.hosts.join(',');
    const mark = this.opts.check ? ' [CHECK MODE]' : '';
    this.lastTask = undefined;
    this.emit(['', banner(`PLAY [${name}]${mark}`)]);
  }

  taskStart(task: TaskRef): void {
    if (task.handler) this.handlers.add(taskKey(task));
    else this.handlers.delete(taskKey(task));
    this.announce(task);
  }

  hostResult(task: TaskRef, result: HostTaskResult): void {
    if (this.lastTask !== taskKey(task)) this.announce(task);
    this.emit(this.linesOf(result));
  }

  hostUnreachable(host: string, reason: string): void {
    this.emit([this.p.failed(`fatal: [${host}]: UNREACHABLE! => ${reason}`)]);
  }

  runEnd(report: RunReport): void {
    this.emit(['', banner('PLAY RECAP'), ...recapLines(report, this.p), '']);
  }

  verbose(level: number, host: string | undefined, message: string): void {
    if (level > this.opts.verbosity) return;
    this.emit([this.p.dim(host === undefined ? message : `<${host}> ${message}`)]);
  }

  /** A looped task prints one line per item (and its diff), then `...ignoring` once if the failure was ignored. */
  private linesOf(result: HostTaskResult): string[] {
    if (!result.items?.length) return this.withDiff(result);
    const lines = result.items.flatMap((item) =>
      this.withDiff({ ...item, delegatedTo: item.delegatedTo ?? result.delegatedTo, ignored: false }),
    );
    if (result.status === 'failed' && result.ignored) lines.push(this.p.skipped('...ignoring'));
    return lines;
  }

  private withDiff(result: HostTaskResult): string[] {
    const lines = resultLines(result, this.p, this.opts.verbosity);
    if (this.opts.diff) lines.push(...this.diffLines(result));
    return lines;
  }

  /** The diff text under a result, or one `~ summary` line per change when there is no text. */
  private diffLines(result: HostTaskResult): string[] {
    if (result.diff) return colorDiff(result.diff, this.p);
    return (result.changes ?? []).map((c) => `  ~ ${c}`);
  }

  private announce(task: TaskRef): void {
    const key = taskKey(task);
    this.lastTask = key;
    const kind = this.handlers.has(key) ? 'RUNNING HANDLER' : 'TASK';
    this.emit(['', banner(`${kind} [${task.name || task.module}]`)]);
  }

  /** One write per event, so lines from hosts finishing together never interleave mid-line. */
  private emit(lines: string[]): void {
    this.out(lines.map((l) => `${l}\n`).join(''));
  }
}

/** Identifies a task across events; the engine may pass fresh objects for the same task. */
function taskKey(task: { name: string; module: string }): string {
  return `${task.module}\u0000${task.name}`;
}
