import type { RemoteHost } from '../../transport/types.js';
import { acquireHostLock } from './acquireHostLock.js';
import type { HostLockPolicy } from './HostLockPolicy.js';
import { lockedHost } from './lockedHost.js';

/** How to reach the hosts to lock, and how to say that one is being waited for. */
export interface LockReach {
  open(name: string): Promise<RemoteHost>;
  policy: HostLockPolicy;
  waiting(host: string, holder: string): void;
}

// Every host gets its connection and then its lock; each answer is the host seen through its lock. Connections open
// in parallel. Waiting locks are taken in one global order (sorted names), one after another: two runs (or rollbacks)
// waiting on each other's hosts would deadlock, ones that lock in the same order cannot. Failing ones lock at once.
// A host no one uses never reports its failure, so nothing is left unhandled.
export function lockInOrder(names: Iterable<string>, reach: LockReach): Map<string, Promise<RemoteHost>> {
  const { policy } = reach;
  const locks = new Map<string, Promise<RemoteHost>>();
  let turn: Promise<unknown> = Promise.resolve();
  for (const name of [...new Set(names)].sort()) {
    const connected = reach.open(name);
    const previous = policy.mode === 'wait' ? turn : Promise.resolve();
    const locked = (async (): Promise<RemoteHost> => {
      const host = await connected;
      await previous;
      return lockedHost(host, await acquireHostLock(host, policy, (holder) => reach.waiting(name, holder)));
    })();
    locked.catch(() => undefined);
    connected.catch(() => undefined);
    turn = locked.catch(() => undefined);
    locks.set(name, locked);
  }
  return locks;
}
