import net from 'node:net';

/** Outcome of one TCP connect attempt. */
type Probe = 'open' | 'refused' | 'other';

/** One TCP connect attempt, closed at once. */
export function probePort(address: string, port: number, timeoutMs = 1000): Promise<Probe> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (result: Probe): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done('other'));
    socket.once('connect', () => done('open'));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code === 'ECONNREFUSED' ? 'refused' : 'other'));
  });
}

/** What ended the wait for a listener. */
export type WaitResult = 'listening' | 'died';

// Readiness without a fixed sleep: retry a connect on a short loop until it is accepted, the process dies or time is up.
export async function waitForPort(
  address: string,
  port: number,
  opts: { alive: () => boolean; timeoutMs?: number; intervalMs?: number },
): Promise<WaitResult> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15000);
  const interval = opts.intervalMs ?? 20;
  while (Date.now() < deadline) {
    if (!opts.alive()) return 'died';
    if ((await probePort(address, port)) === 'open') return opts.alive() ? 'listening' : 'died';
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`sshd on ${address}:${port} did not accept a connection within ${opts.timeoutMs ?? 15000} ms`);
}
