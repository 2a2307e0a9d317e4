import { FerryError } from '../../errors/FerryError.js';
import type { HeldChannel, RemoteHost } from '../../transport/types.js';
import { cleanHolder } from './holderText.js';
import { DEFAULT_LOCK_PATH, DEFAULT_STALE_SECONDS, type HostLockPolicy } from './HostLockPolicy.js';
import { hostLockScript, parseLockLine } from './hostLockScript.js';

/** A lock a run holds on one host until it releases it or the connection ends. */
export interface HeldLock {
  /** Gives the lock back (ending its channel); safe to call twice. */
  release(): Promise<void>;
  /** Resolves if the lock ended while still wanted: its channel closed before release. */
  readonly lost: Promise<void>;
}

/** How long the host may take to say anything about the lock, beyond any wait the policy allows. */
const ANSWER_MS = 20_000;

// Takes the host's lock for the whole run, or says who holds it: a FerryError LOCKED naming the holder.
export async function acquireHostLock(host: RemoteHost, policy: HostLockPolicy, onWait?: (holder: string) => void): Promise<HeldLock> {
  if (!host.hold || policy.mode === 'off') return { release: async () => undefined, lost: new Promise(() => undefined) };
  const staleSeconds = policy.staleSeconds ?? DEFAULT_STALE_SECONDS;
  const waitSeconds = policy.mode === 'wait' ? Math.max(1, policy.waitSeconds) : 0;
  const path = policy.path ?? DEFAULT_LOCK_PATH;
  const held = await host.hold({ script: hostLockScript({ path, holder: policy.holder, waitSeconds, staleSeconds }) });
  try {
    let answer = await nextAnswer(host, held, ANSWER_MS);
    if (answer.answer === 'WAITING') {
      onWait?.(cleanHolder(answer.text) || 'an unknown holder');
      answer = await nextAnswer(host, held, waitSeconds * 1000 + ANSWER_MS);
    }
    if (answer.answer === 'HELD') return keepAlive(held, staleSeconds);
    throw refusal(host.name, answer, path, policy.mode, waitSeconds);
  } catch (err) {
    await held.release();
    throw err;
  }
}

async function nextAnswer(host: RemoteHost, held: HeldChannel, timeoutMs: number): Promise<NonNullable<ReturnType<typeof parseLockLine>>> {
  let line: string | undefined;
  try {
    line = await held.nextLine(timeoutMs);
  } catch {
    throw new FerryError('UNREACHABLE', `${host.name} did not answer while its host lock was being taken`, { host: host.name }, 'check that the host is up and not overloaded');
  }
  if (line === undefined) {
    throw new FerryError('UNREACHABLE', `the connection to ${host.name} ended while its host lock was being taken`, { host: host.name }, 'check the host and the network, then run again');
  }
  const answer = parseLockLine(line);
  if (!answer) throw new FerryError('REMOTE', `unexpected answer while taking the host lock: ${cleanHolder(line)}`, { host: host.name });
  return answer;
}

// Heartbeats every quarter of the stale time tell the host's holder its run is alive; the timer never keeps a run open.
function keepAlive(held: HeldChannel, staleSeconds: number): HeldLock {
  const beat = setInterval(() => held.write('beat\n'), (staleSeconds * 1000) / 4);
  beat.unref();
  let releasing = false;
  const lost = held.closed.then(() => {
    clearInterval(beat);
    // A release that was asked for is not a loss: never resolve then.
    if (releasing) return new Promise<void>(() => undefined);
  });
  return {
    lost,
    release: async () => {
      releasing = true;
      clearInterval(beat);
      await held.release();
    },
  };
}

function refusal(name: string, answer: { answer: string; text: string }, path: string, mode: string, waitSeconds: number): FerryError {
  const where = { host: name };
  if (answer.answer === 'ERROR') {
    return new FerryError('REMOTE', `cannot take the host lock ${path}: ${cleanHolder(answer.text)}`, where, 'fix it on the host (flock comes with util-linux), or run with --lock off');
  }
  const holder = cleanHolder(answer.text) || 'an unknown holder';
  if (mode === 'wait') {
    return new FerryError('LOCKED', `${name} is still locked after ${waitSeconds}s by another ${/^ferry (run|rollback) /.test(holder) ? '' : 'holder: '}${holder}`, where, 'wait for that run to finish, or raise --lock-timeout');
  }
  return new FerryError('LOCKED', `${name} is locked by another ${/^ferry (run|rollback) /.test(holder) ? '' : 'holder: '}${holder}`, where, 'wait for that run to finish, or run with --lock wait to queue behind it');
}
