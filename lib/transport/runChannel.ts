import type { Client, ClientChannel } from 'ssh2';
import type { ExecResult } from './types.js';

/** Exit status reported for a command that ran out of time, as timeout(1) does. */
export const TIMEOUT_RC = 124;

/** How a channel ended when no exit status came back. */
export class ChannelLost extends Error {}

/** A running exec: its result, and when its channel is really gone (which may be later, after a timeout). */
export interface RunningChannel {
  result: Promise<ExecResult>;
  closed: Promise<void>;
}

// One exec channel: write the whole framed input and EOF, collect both streams, answer at exit or at the timeout.
export function runChannel(client: Client, command: string, input: string, timeoutMs?: number): RunningChannel {
  let settleClosed!: () => void;
  const closed = new Promise<void>((resolve) => (settleClosed = resolve));
  const result = new Promise<ExecResult>((resolve, reject) => {
    client.exec(command, (err: Error | undefined, stream: ClientChannel) => {
      if (err) {
        settleClosed();
        reject(new ChannelLost(err.message));
        return;
      }
      const out: Buffer[] = [];
      const errOut: Buffer[] = [];
      const text = (): Omit<ExecResult, 'rc'> => ({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(errOut).toString('utf8'),
      });
      let rc: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      stream.on('data', (chunk: Buffer) => out.push(chunk));
      stream.stderr.on('data', (chunk: Buffer) => errOut.push(chunk));
      stream.on('error', () => undefined);
      stream.on('exit', (code: number | null, signalName?: string) => {
        rc = typeof code === 'number' ? code : signalName ? 128 + signalNumber(signalName) : undefined;
      });
      stream.on('close', () => {
        if (timer) clearTimeout(timer);
        settleClosed();
        if (rc === undefined) reject(new ChannelLost('the channel closed without an exit status'));
        else resolve({ rc, ...text() });
      });
      if (timeoutMs !== undefined) {
        // The caller gets its answer now; the channel closes once the host-side watchdog has killed the script.
        timer = setTimeout(() => {
          resolve({ rc: TIMEOUT_RC, ...text() });
          stream.close();
        }, timeoutMs);
      }
      stream.end(input);
    });
  });
  return { result, closed };
}

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, ABRT: 6, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15 };

function signalNumber(name: string): number {
  return SIGNALS[name.replace(/^SIG/, '')] ?? 0;
}
