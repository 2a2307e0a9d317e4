import type { RemoteHost } from '../../transport/types.js';
import type { HostState } from '../HostState.js';
import type { RunOptions } from '../RunOptions.js';
import { playHosts } from '../runPlay.js';
import { acquireHostLock } from './acquireHostLock.js';
import { lockedHost } from './lockedHost.js';
import { reachesHosts } from './reachesHosts.js';

// Before any task, every host the run targets gets its connection and then its lock. Waiting runs take their locks in
// one global order (sorted names), one after another: two runs waiting on each other's hosts would deadlock, runs that
// lock in the same order cannot. A run that fails instead of waiting cannot deadlock and locks all hosts at once.
// Connections always open in parallel. A check run changes nothing and takes no lock, nor does a play that never
// reaches its hosts.
export function lockRunHosts(opts: RunOptions, states: Map<string, HostState>): void {
  const policy = opts.hostLock;
  if (!policy || policy.mode === 'off' || opts.check) return;
  const plays = opts.playbook.plays.filter((play) => reachesHosts(play, opts.modules));
  const names = [...new Set(plays.flatMap((play) => playHosts(opts, play)))].sort();
  let turn: Promise<unknown> = Promise.resolve();
  for (const name of names) {
    const state = states.get(name);
    if (!state) continue;
    const connected = opts.connectionSpec(name).then((spec) => opts.connector.connect(spec));
    const previous = policy.mode === 'wait' ? turn : Promise.resolve();
    const locked = (async (): Promise<RemoteHost> => {
      const host = await connected;
      await previous;
      const lock = await acquireHostLock(host, policy, (holder) =>
        opts.listener.verbose?.(0, name, opts.redactor.mask(`waiting up to ${policy.waitSeconds}s for the host lock held by ${holder}`)),
      );
      return lockedHost(host, lock);
    })();
    // A host no task reaches never reports its failure; nothing is left unhandled.
    locked.catch(() => undefined);
    connected.catch(() => undefined);
    turn = locked.catch(() => undefined);
    state.connection = locked;
  }
}
