import type { Client, ClientChannel } from 'ssh2';
import { FerryError } from '../errors/FerryError.js';
import { frameHeldScript, frameScript, WATCHDOG_GRACE_MS } from './framing.js';
import { holdChannel } from './holdChannel.js';
import { ChannelLost, ChannelRefused, ChannelUnanswered, runChannel, type ChannelResult, type RunningChannel } from './runChannel.js';
import { Semaphore } from './Semaphore.js';
import type { ExecRequest, ExecResult, HeldChannel, HoldRequest, RemoteHost, WriteRequest } from './types.js';
import { writeFileByExec } from './writeFileByExec.js';

/** What stderr starts with when `sudo -n` refused before the script ran. */
const SUDO_NEEDS_PASSWORD = /^sudo: (a password is required|a terminal is required|sorry, you must have a tty)/;

/** How an SshHost behaves under faults. */
export interface SshHostOptions {
  /** Channels open at once for execs (default 4); lowered for good when sshd refuses one (its MaxSessions). */
  maxChannels?: number;
  /** Deadline of an exec that names none (default one hour): no exec waits forever on a host that stopped. */
  execTimeoutMs?: number;
  /** After a deadline, how long the host may take to close the channel before it counts as not answering. */
  closeGraceMs?: number;
}

/** Channel refusals retried before giving up; the waits double from 50 ms (about 3 s in all). */
const REFUSED_RETRIES = 6;

/** An exec's deadline when neither the request nor the run names one: generous, but never forever. */
export const DEFAULT_EXEC_TIMEOUT_MS = 3_600_000;

// A host over one ssh2 connection: every exec and every file write shares it, a bounded number of channels at a time.
export class SshHost implements RemoteHost {
  private readonly channels: Semaphore;
  private closing: Promise<void> | undefined;
  private stopped: FerryError | undefined;
  private readonly execTimeoutMs: number;
  private readonly closeGraceMs: number;

  constructor(
    readonly name: string,
    readonly user: string,
    private readonly client: Client,
    private readonly broken: () => FerryError | undefined,
    opts: SshHostOptions = {},
  ) {
    this.channels = new Semaphore(opts.maxChannels ?? 4);
    this.execTimeoutMs = opts.execTimeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    this.closeGraceMs = opts.closeGraceMs ?? WATCHDOG_GRACE_MS + 3000;
  }

  /** Channels this host lets execs open at once (lower than asked once sshd refused one). */
  get channelLimit(): number {
    return this.channels.limit;
  }

  /** Runs a script with `/bin/sh -s` (through `sudo -n` for become); script and data travel on stdin only. */
  async exec(req: ExecRequest): Promise<ExecResult> {
    const sudo = req.become === true && this.user !== 'root';
    const command = sudo ? 'sudo -n /bin/sh -s' : '/bin/sh -s';
    const timeoutMs = req.timeoutMs ?? this.execTimeoutMs;
    const input = frameScript(req.script, req.stdin, req.readOnly || req.bounded ? {} : { timeoutMs });
    const { result, closed } = await this.runWithRetry(command, input, timeoutMs);
    if (result.timedOut) await this.confirmAnswering(closed, timeoutMs);
    const { rc, stdout, stderr } = result;
    if (sudo && rc !== 0 && stdout === '' && SUDO_NEEDS_PASSWORD.test(stderr)) {
      throw new FerryError(
        'REMOTE',
        `sudo asks ${this.user} for a password, so become cannot work`,
        { host: this.name },
        `give ${this.user} passwordless sudo (NOPASSWD in sudoers), or log in as root`,
      );
    }
    return { rc, stdout, stderr };
  }

  /** Atomic whole-file write in one round trip; the content goes on stdin. */
  writeFile(req: WriteRequest): Promise<void> {
    return writeFileByExec(this, req);
  }

  /** Opens a channel of its own for a long-lived script (not counted against the exec channels). */
  hold(req: HoldRequest): Promise<HeldChannel> {
    this.assertUsable();
    const sudo = req.become === true && this.user !== 'root';
    const command = sudo ? 'sudo -n /bin/sh -s' : '/bin/sh -s';
    return new Promise((resolve, reject) => {
      let answered = false;
      const timer = setTimeout(() => {
        answered = true;
        reject(this.giveUp(this.execTimeoutMs));
      }, this.execTimeoutMs);
      this.client.exec(command, (err: Error | undefined, stream: ClientChannel) => {
        clearTimeout(timer);
        if (answered) {
          if (!err) stream.close();
          return;
        }
        answered = true;
        if (err) reject(this.failure() ?? this.channelError(new ChannelRefused(err.message)));
        else resolve(holdChannel(stream, frameHeldScript(req.script)));
      });
    });
  }

  /** Ends the connection; resolves once it is closed, or after a grace when the host no longer answers. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.failure()) {
        this.client.destroy();
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        this.client.destroy();
        resolve();
      }, this.closeGraceMs);
      this.client.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.client.end();
    });
    return this.closing;
  }

  // A refused channel ran nothing: wait for one of ours to close (or a short while) and try again, at a lower limit.
  private async runWithRetry(command: string, input: string, timeoutMs: number): Promise<{ result: ChannelResult; closed: Promise<void> }> {
    for (let attempt = 0; ; attempt++) {
      const release = await this.channels.acquire();
      let running: RunningChannel;
      try {
        this.assertUsable();
        running = runChannel(this.client, command, input, timeoutMs);
      } catch (err) {
        release();
        throw err;
      }
      const others = this.channels.running - 1;
      // The slot is held until the channel is gone, even when a timeout answered earlier.
      void running.closed.then(release);
      try {
        return { result: await running.result, closed: running.closed };
      } catch (err) {
        const failure = this.failure();
        if (failure) throw failure;
        if (err instanceof ChannelUnanswered) throw this.giveUp(timeoutMs);
        if (!(err instanceof ChannelRefused) || attempt >= REFUSED_RETRIES) throw this.channelError(err);
        if (others > 0) this.channels.lowerTo(others);
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }

  // The script's deadline passed: a live host's watchdog closes the channel within its grace; a host that does not
  // has stopped answering, and the connection is given up so nothing more waits on it.
  private async confirmAnswering(closed: Promise<void>, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.closeGraceMs)));
    const how = await Promise.race([closed.then(() => 'closed' as const), late]);
    clearTimeout(timer);
    if (how === 'closed') return;
    throw this.giveUp(timeoutMs);
  }

  /** Marks the host as not answering and drops the connection: every later call fails at once with the same reason. */
  private giveUp(timeoutMs: number): FerryError {
    this.stopped ??= new FerryError(
      'UNREACHABLE',
      `${this.name} stopped answering: nothing came back within the ${formatSeconds(timeoutMs)} deadline of a command`,
      { host: this.name },
      'check that the host is up and not overloaded; raise --task-timeout if the work is just slow',
    );
    this.client.destroy();
    return this.stopped;
  }

  private failure(): FerryError | undefined {
    return this.stopped ?? this.broken();
  }

  private assertUsable(): void {
    if (this.closing) throw new FerryError('INTERNAL', `connection to ${this.name} is already closed`, { host: this.name });
    const failure = this.failure();
    if (failure) throw failure;
  }

  private channelError(err: unknown): FerryError {
    const why = err instanceof ChannelLost || err instanceof Error ? err.message : String(err);
    if (err instanceof ChannelRefused) {
      return new FerryError('UNREACHABLE', `${this.name} refused to open an SSH channel: ${why}`, { host: this.name }, "raise MaxSessions in the host's sshd_config (ferry needs 2: one for its host lock, one for work)");
    }
    return new FerryError('UNREACHABLE', `the SSH channel to ${this.name} failed: ${why}`, { host: this.name }, "check the host's sshd (MaxSessions) and the network");
  }
}

/** `3s`, `1.5s`: a deadline as people read it. */
function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))}s`;
}
