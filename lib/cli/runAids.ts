import type { GatedTask, HostConnector } from '../engine/RunOptions.js';
import type { Playbook } from '../playbook/types.js';
import { fanOut } from '../report/fanOut.js';
import type { RunListener, RunReport } from '../report/types.js';
import type { Redactor } from '../secrets/Redactor.js';
import type { RemoteHost } from '../transport/types.js';
import { displayPath } from './displayPath.js';
import { planSummary } from './planSummary.js';
import { ProgressLine } from './progress/ProgressLine.js';
import { defaultRetryFile, retryHosts, writeRetryFile } from './retryFile.js';
import { startAtTask } from './startAtTask.js';
import { lineSource, type LineSource } from './step/lineSource.js';
import { StepPrompter } from './step/StepPrompter.js';
import { tracedConnector } from './verbose/tracedConnector.js';
import { tracedHost } from './verbose/tracedHost.js';
import { TaskTimings } from './verbose/TaskTimings.js';

/** The `ferry run` options the operator aids read. */
export interface AidArgs {
  playbook: string;
  verbose: number;
  planOnly?: boolean;
  step?: boolean;
  startAtTask?: string;
  /** A path, false for --no-retry-file, undefined for the default (`<playbook>.retry` here). */
  retryFile?: string | false;
}

/** The terminal and pipes a run talks to. */
export interface AidStreams {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Long runs wait this long before the live line appears, so short ones print exactly as before. */
const PROGRESS_DELAY_MS = 1000;

// Everything `ferry run` adds for the operator around the engine: the live progress line, -vv timings, -vvv command
// traces, --step and --start-at-task, the --plan-only table and the retry file. Every line it prints is masked.
export class RunAids {
  private readonly progress?: ProgressLine;
  private readonly answers?: LineSource;
  private readonly gates: Array<(task: GatedTask) => boolean | Promise<boolean>> = [];
  private console?: RunListener;

  constructor(
    private readonly args: AidArgs,
    playbook: Playbook,
    private readonly redactor: Redactor,
    private readonly io: AidStreams,
  ) {
    if (io.err.isTTY && io.env.TERM !== 'dumb') {
      this.progress = new ProgressLine(io.err, { delayMs: PROGRESS_DELAY_MS, mask: (s) => redactor.mask(s) });
    }
    if (args.startAtTask !== undefined) this.gates.push(startAtTask(args.startAtTask, playbook));
    if (args.step) {
      this.answers = lineSource(io.stdin);
      const prompter = new StepPrompter({
        answers: this.answers,
        write: this.write,
        echoed: io.stdin.isTTY === true,
        waiting: (on) => this.progress?.pause(on),
      });
      this.gates.push((task) => prompter.ask(task));
    }
  }

  /** --plan-only is --check --diff with the summary table. */
  get check(): boolean {
    return this.args.planOnly === true;
  }

  /** Console output: masked, with the live line lifted off the screen while it is written. */
  readonly write = (text: string): void => {
    this.progress?.clear();
    this.io.out.write(this.redactor.mask(text));
    this.progress?.redraw();
  };

  /** The listener the engine talks to: the progress line, the console, then the -vv timings. */
  listener(console: RunListener): RunListener {
    this.console = console;
    const listeners: RunListener[] = [console];
    if (this.progress) listeners.unshift(this.progress);
    if (this.args.verbose >= 2) listeners.push(new TaskTimings(this.write));
    return fanOut(...listeners);
  }

  /** The gate for the engine, when --step or --start-at-task asked for one. */
  get taskGate(): ((task: GatedTask) => Promise<boolean>) | undefined {
    if (this.gates.length === 0) return undefined;
    return async (task) => {
      for (const gate of this.gates) if (!(await gate(task))) return false;
      return true;
    };
  }

  /** At -vvv, connections and what runs over them are traced. */
  connector(connector: HostConnector): HostConnector {
    return this.args.verbose >= 3 ? tracedConnector(connector, this.trace) : connector;
  }

  localHost(host: RemoteHost): RemoteHost {
    return this.args.verbose >= 3 ? tracedHost(host, this.trace) : host;
  }

  /** After the run: the plan table, the retry file and the line that says how to use it. */
  async afterRun(report: RunReport): Promise<void> {
    if (this.args.planOnly) this.write(planSummary(report));
    const hosts = retryHosts(report);
    if (this.args.retryFile === false || hosts.length === 0) return;
    const file = this.args.retryFile ?? defaultRetryFile(this.args.playbook);
    await writeRetryFile(file, hosts, this.args.playbook);
    this.write(`ferry: ${hosts.length} host(s) failed or were unreachable; to run only them again: --limit @${displayPath(file)}\n`);
  }

  /** Stops the live line and lets go of stdin, however the run ended. */
  close(): void {
    this.progress?.stop();
    this.answers?.close();
  }

  private readonly trace = (host: string, message: string): void => {
    this.console?.verbose?.(3, host, this.redactor.mask(message));
  };
}
