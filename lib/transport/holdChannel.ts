import type { ClientChannel } from 'ssh2';
import type { HeldChannel } from './types.js';

/** Raised by nextLine when the script said nothing in time. */
export class NoLineInTime extends Error {}

/** How long release waits for the host to close the channel before giving up on it. */
const RELEASE_GRACE_MS = 3000;

// Turns an open exec channel into a HeldChannel: stdout split into lines, queued until asked for, stdin kept open.
export function holdChannel(stream: ClientChannel, input: string): HeldChannel {
  const lines: string[] = [];
  const waiters: ((line: string | undefined) => void)[] = [];
  let partial = '';
  let ended = false;
  let settleClosed!: () => void;
  const closed = new Promise<void>((resolve) => (settleClosed = resolve));
  const push = (line: string | undefined): void => {
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else if (line !== undefined) lines.push(line);
  };
  stream.on('data', (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    let nl: number;
    while ((nl = partial.indexOf('\n')) >= 0) {
      push(partial.slice(0, nl));
      partial = partial.slice(nl + 1);
    }
  });
  stream.stderr.on('data', () => undefined);
  stream.on('error', () => undefined);
  stream.on('close', () => {
    ended = true;
    settleClosed();
    while (waiters.length > 0) push(undefined);
  });
  stream.write(input);
  return {
    closed,
    nextLine(timeoutMs: number): Promise<string | undefined> {
      if (lines.length > 0) return Promise.resolve(lines.shift());
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(answer), 1);
          reject(new NoLineInTime(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        const answer = (line: string | undefined): void => {
          clearTimeout(timer);
          resolve(line);
        };
        waiters.push(answer);
      });
    },
    write(text: string): void {
      if (!ended && stream.writable) stream.write(text);
    },
    async release(): Promise<void> {
      if (ended) return;
      stream.end();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), RELEASE_GRACE_MS)));
      const how = await Promise.race([closed.then(() => 'closed' as const), late]);
      clearTimeout(timer);
      if (how === 'late') stream.close();
    },
  };
}
