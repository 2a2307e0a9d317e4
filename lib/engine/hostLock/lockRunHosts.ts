import type { HostState } from '../HostState.js';
import type { RunOptions } from '../RunOptions.js';
import { playHosts } from '../runPlay.js';
import { lockInOrder } from './lockInOrder.js';
import { reachesHosts } from './reachesHosts.js';

// Before any task, every host the run targets gets its connection and then its lock (see lockInOrder). A check run
// changes nothing and takes no lock, nor does a play that never reaches its hosts.
export function lockRunHosts(opts: RunOptions, states: Map<string, HostState>): void {
  const policy = opts.hostLock;
  if (!policy || policy.mode === 'off' || opts.check) return;
  const plays = opts.playbook.plays.filter((play) => reachesHosts(play, opts.modules));
  const names = plays.flatMap((play) => playHosts(opts, play)).filter((name) => states.has(name));
  const locks = lockInOrder(names, {
    open: (name) => opts.connectionSpec(name).then((spec) => opts.connector.connect(spec)),
    policy,
    waiting: (name, holder) =>
      opts.listener.verbose?.(0, name, opts.redactor.mask(`waiting up to ${policy.waitSeconds}s for the host lock held by ${holder}`)),
  });
  for (const [name, locked] of locks) states.get(name)!.connection = locked;
}
