import type { Client } from 'ssh2';
import { FerryError } from '../errors/FerryError.js';
import { frameScript } from './framing.js';
import { ChannelLost, runChannel, type RunningChannel } from './runChannel.js';
import { Semaphore } from './Semaphore.js';
import type { ExecRequest, ExecResult, RemoteHost, WriteRequest } from './types.js';
import { writeFileByExec } from './writeFileByExec.js';

/** What stderr starts with when `sudo -n` refused before the script ran. */
const SUDO_NEEDS_PASSWORD = /^sudo: (a password is required|a terminal is required|sorry, you must have a tty)/;

// A host over one ssh2 connection: every exec and every file write shares it, a bounded number of channels at a time.
export class SshHost implements RemoteHost {
  private readonly channels: Semaphore;
  private closing: Promise<void> | undefined;

  constructor(
    readonly name: string,
    readonly user: string,
    private readonly client: Client,
    private readonly broken: () => FerryError | undefined,
    maxChannels = 4,
  ) {
    this.channels = new Semaphore(maxChannels);
  }

  /** Runs a script with `/bin/sh -s` (through `sudo -n` for become); script and data travel on stdin only. */
  async exec(req: ExecRequest): Promise<ExecResult> {
    const sudo = req.become === true && this.user !== 'root';
    const command = sudo ? 'sudo -n /bin/sh -s' : '/bin/sh -s';
    const input = frameScript(req.script, req.stdin, { timeoutMs: req.timeoutMs });
    const release = await this.channels.acquire();
    let running: RunningChannel;
    try {
      this.assertUsable();
      running = runChannel(this.client, command, input, req.timeoutMs);
    } catch (err) {
      release();
      throw err;
    }
    // The slot is held until the channel is gone, even when a timeout answered earlier.
    void running.closed.then(release);
    const result = await running.result.catch((err: unknown) => {
      throw this.broken() ?? this.channelError(err);
    });
    if (sudo && result.rc !== 0 && result.stdout === '' && SUDO_NEEDS_PASSWORD.test(result.stderr)) {
      throw new FerryError(
        'REMOTE',
        `sudo asks ${this.user} for a password, so become cannot work`,
        { host: this.name },
        `give ${this.user} passwordless sudo (NOPASSWD in sudoers), or log in as root`,
      );
    }
    return result;
  }

  /** Atomic whole-file write in one round trip; the content goes on stdin. */
  writeFile(req: WriteRequest): Promise<void> {
    return writeFileByExec(this, req);
  }

  /** Ends the connection; resolves once it is closed. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.broken()) {
        this.client.end();
        resolve();
        return;
      }
      this.client.once('close', () => resolve());
      this.client.end();
    });
    return this.closing;
  }

  private assertUsable(): void {
    if (this.closing) throw new FerryError('INTERNAL', `connection to ${this.name} is already closed`, { host: this.name });
    const broken = this.broken();
    if (broken) throw broken;
  }

  private channelError(err: unknown): FerryError {
    const why = err instanceof ChannelLost || err instanceof Error ? err.message : String(err);
    return new FerryError('UNREACHABLE', `the SSH channel to ${this.name} failed: ${why}`, { host: this.name }, "check the host's sshd (MaxSessions) and the network");
  }
}
