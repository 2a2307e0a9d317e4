import type { Client, ClientChannel } from 'ssh2';
import type { ExecResult } from './types.js';

/** Exit status reported for a command that ran out of time, as timeout(1) does. */
export const TIMEOUT_RC = 124;

/** How a channel ended when no exit status came back. */
export class ChannelLost extends Error {}

/** sshd would not open the channel at all (its MaxSessions reached): nothing ran, so trying again is safe. */
export class ChannelRefused extends ChannelLost {}

/** The host did not even answer the channel open before the deadline: it has stopped answering. */
export class ChannelUnanswered extends ChannelLost {}

/** A channel's answer; `timedOut` when the caller's deadline answered before the script did. */
export type ChannelResult = ExecResult & { timedOut?: boolean };

/** A running exec: its result, and when its channel is really gone (which may be later, after a timeout). */
export interface RunningChannel {
  result: Promise<ChannelResult>;
  closed: Promise<void>;
}

// One exec channel: write the whole framed input and EOF, collect both streams, answer at exit or at the deadline
// (which covers the channel open too, so a host that stopped answering cannot hold the caller).
export function runChannel(client: Client, command: string, input: string, timeoutMs?: number): RunningChannel {
  let settleClosed!: () => void;
  const closed = new Promise<void>((resolve) => (settleClosed = resolve));
  const result = new Promise<ChannelResult>((resolve, reject) => {
    let stream: ClientChannel | undefined;
    const out: Buffer[] = [];
    const errOut: Buffer[] = [];
    const text = (): Omit<ExecResult, 'rc'> => ({
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(errOut).toString('utf8'),
    });
    let abandoned = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (stream) {
              // The caller gets its answer now; the channel closes once the host-side watchdog has killed the script.
              resolve({ rc: TIMEOUT_RC, ...text(), timedOut: true });
              stream.close();
            } else {
              abandoned = true;
              settleClosed();
              reject(new ChannelUnanswered(`no answer to opening a channel within ${timeoutMs} ms`));
            }
          }, timeoutMs);
    client.exec(command, (err: Error | undefined, opened: ClientChannel) => {
      if (abandoned) {
        if (!err) opened.close();
        return;
      }
      if (err) {
        if (timer) clearTimeout(timer);
        settleClosed();
        reject(new ChannelRefused(err.message));
        return;
      }
      stream = opened;
      let rc: number | undefined;
      opened.on('data', (chunk: Buffer) => out.push(chunk));
      opened.stderr.on('data', (chunk: Buffer) => errOut.push(chunk));
      opened.on('error', () => undefined);
      opened.on('exit', (code: number | null, signalName?: string) => {
        rc = typeof code === 'number' ? code : signalName ? 128 + signalNumber(signalName) : undefined;
      });
      opened.on('close', () => {
        if (timer) clearTimeout(timer);
        settleClosed();
        if (rc === undefined) reject(new ChannelLost('the channel closed without an exit status'));
        else resolve({ rc, ...text() });
      });
      opened.end(input);
    });
  });
  return { result, closed };
}

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, ABRT: 6, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15 };

function signalNumber(name: string): number {
  return SIGNALS[name.replace(/^SIG/, '')] ?? 0;
}
