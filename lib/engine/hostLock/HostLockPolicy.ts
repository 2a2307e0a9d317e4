/** What a run does when another run holds a host: wait its turn, fail that host at once, or take no lock. */
export type LockMode = 'wait' | 'fail' | 'off';

// How a run takes the lock of each host it will change: chosen on the command line, the same for every host.
export interface HostLockPolicy {
  mode: LockMode;
  /** In wait mode, how long to wait for another run's lock before failing the host. */
  waitSeconds: number;
  /** Who holds it, shown to a run that finds the host locked: controller, user, pid, start, playbook. */
  holder: string;
  /** A holder that has not heard from its run for this long gives the lock up (its run died unseen). Default 30. */
  staleSeconds?: number;
  /** Where the lock lives on the host. Default /tmp/.ferry.lock. */
  path?: string;
}

/** /tmp: every login user may create it and every session sees the same one, with or without become. */
export const DEFAULT_LOCK_PATH = '/tmp/.ferry.lock';

export const DEFAULT_STALE_SECONDS = 30;
