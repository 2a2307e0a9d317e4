import { acquireHostLock } from '../../engine/hostLock/acquireHostLock.js';
import type { HostLockPolicy } from '../../engine/hostLock/HostLockPolicy.js';
import { lockedHost } from '../../engine/hostLock/lockedHost.js';
import type { RemoteHost } from '../../transport/types.js';
import type { HostRollback } from './rollbackHost.js';

/** How a rollback reaches its hosts and says it is waiting for one. */
export interface LockReach {
  open(name: string): Promise<RemoteHost>;
  policy: HostLockPolicy;
  waiting(host: string, holder: string): void;
}

// Before its first restore, a rollback takes the lock of every host it will change, as a run does: connections open in
// parallel; waiting rollbacks take their locks in sorted order, one after another, so they cannot deadlock with runs
// that do the same. A host whose lock is refused fails with the holder's name; the others go on.
export function lockRollbackHosts(hosts: Iterable<HostRollback>, reach: LockReach): void {
  const { policy } = reach;
  if (policy.mode === 'off') return;
  let turn: Promise<unknown> = Promise.resolve();
  for (const h of [...hosts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const connected = reach.open(h.name);
    const previous = policy.mode === 'wait' ? turn : Promise.resolve();
    const locked = (async (): Promise<RemoteHost> => {
      const host = await connected;
      await previous;
      return lockedHost(host, await acquireHostLock(host, policy, (holder) => reach.waiting(h.name, holder)));
    })();
    locked.catch(() => undefined);
    connected.catch(() => undefined);
    turn = locked.catch(() => undefined);
    h.connection = locked;
  }
}
