import { asConnectionError } from '../../errors/connectionError.js';
import { FerryError } from '../../errors/FerryError.js';
import { mapLimit } from '../../engine/mapLimit.js';
import { pruneBackups } from '../../engine/pruneBackups.js';
import type { HostLockPolicy } from '../../engine/hostLock/HostLockPolicy.js';
import { lockInOrder, type LockReach } from '../../engine/hostLock/lockInOrder.js';
import type { HostConnector } from '../../engine/RunOptions.js';
import type { ModuleContext } from '../../modules/defineModule.js';
import { fanOut } from '../../report/fanOut.js';
import { ReportCollector } from '../../report/ReportCollector.js';
import type { NotUndone, PathState, RunListener, RunReport } from '../../report/types.js';
import type { Redactor } from '../../secrets/Redactor.js';
import type { ConnectionSpec, RemoteHost } from '../../transport/types.js';
import { VERSION } from '../../version.js';
import type { RecordedRun } from './rollbackReport.js';
import { restoreOnHost, type HostRollback } from './rollbackHost.js';
import type { RollbackTask } from './rollbackTasks.js';

/** Everything one rollback needs, resolved before any host is contacted. */
export interface RollbackOptions {
  run: RecordedRun;
  tasks: RollbackTask[];
  connector: HostConnector;
  connectionSpec(hostname: string): Promise<ConnectionSpec>;
  listener: RunListener;
  redactor: Redactor;
  check: boolean;
  force: boolean;
  forks: number;
  /** The rollback's own run id: what it replaces is kept under it, so the rollback can be undone too. */
  runId: string;
  inventoryFile?: string;
  keepBackups?: number;
  /** The host lock a run takes, taken the same way (none in check mode). */
  hostLock?: HostLockPolicy;
  /** What the run changed that this rollback leaves as it is, for its own report. */
  notUndone?: NotUndone[];
}

// Runs a rollback like a run: one play, one task per task of the run (last first), hosts in parallel, each host
// stopping at its first refusal so what is left is always a prefix of the run; reported and recapped the same way.
export async function runRollback(o: RollbackOptions): Promise<RunReport> {
  const collector = new ReportCollector({
    ferry: VERSION,
    playbook: `rollback of ${o.run.file}`,
    check: o.check,
    diff: false,
    runId: o.runId,
    inventory: o.inventoryFile,
    rollbackOf: o.run.file,
    notUndone: o.notUndone,
  });
  const listener = fanOut(collector, o.listener);
  const names = [...new Set(o.tasks.flatMap((t) => [...t.hosts.keys()]))];
  const hosts = new Map<string, HostRollback>(names.map((n) => [n, { name: n, predicted: new Map(), origin: originsOf(o.tasks, n) }]));
  listener.playStart?.({ name: `Roll back run ${o.run.runId ?? o.run.file}`, hosts: names });
  try {
    if (o.hostLock && o.hostLock.mode !== 'off' && !o.check) {
      for (const [name, locked] of lockInOrder(hosts.keys(), lockReach(o, o.hostLock, listener))) hosts.get(name)!.connection = locked;
    }
    for (const task of o.tasks) {
      const targets = [...task.hosts.keys()].map((n) => hosts.get(n)!).filter((h) => !h.stopped);
      if (targets.length === 0) continue;
      const info = { name: `rollback: ${task.name}`, module: 'restore' };
      listener.taskStart?.(info);
      await mapLimit(targets, o.forks, async (h) => {
        try {
          const host = await connect(o, h);
          const result = await restoreOnHost(contextOf(o, h, host), h, task.hosts.get(h.name)!, { check: o.check, force: o.force, redactor: o.redactor });
          listener.hostResult?.(info, result);
          if (result.status === 'failed') h.stopped = true;
        } catch (err) {
          if (!(err instanceof FerryError)) throw err;
          h.stopped = true;
          // A host whose lock another run holds fails naming the holder, as in a run; a lost one is unreachable.
          if (asConnectionError(err)) listener.hostUnreachable?.(h.name, o.redactor.mask(err.message + (err.hint ? ` (${err.hint})` : '')));
          else listener.hostResult?.(info, { host: h.name, status: 'failed', msg: o.redactor.mask(err.format()) });
        }
      });
    }
  } finally {
    if (o.keepBackups !== undefined && !o.check) {
      const connectionOf = (name: string) => hosts.get(name)?.connection;
      await pruneBackups(collector.finish(), { keep: o.keepBackups, connectionOf, warn: (h, m) => listener.verbose?.(0, h, o.redactor.mask(m)) });
    }
    await o.connector.close();
  }
  const report = collector.finish();
  listener.runEnd?.(report);
  return report;
}

/** Each path's state before the run touched it: the `before` of its first change, which a rollback meets last. */
function originsOf(tasks: RollbackTask[], host: string): Map<string, PathState | 'absent'> {
  const origin = new Map<string, PathState | 'absent'>();
  for (const change of tasks.flatMap((t) => t.hosts.get(host) ?? [])) origin.set(change.path, change.before);
  return origin;
}

/** How the lock step opens a host and says it waits. */
function lockReach(o: RollbackOptions, policy: HostLockPolicy, listener: RunListener): LockReach {
  return {
    policy,
    open: (name) => o.connectionSpec(name).then((spec) => o.connector.connect(spec)),
    waiting: (host, holder) => listener.verbose?.(0, host, o.redactor.mask(`waiting up to ${policy.waitSeconds}s for the host lock held by ${holder}`)),
  };
}

/** The host's connection (through its lock, when one was taken), opened once and shared by every step. */
function connect(o: RollbackOptions, h: HostRollback): Promise<RemoteHost> {
  h.connection ??= o.connectionSpec(h.name).then((spec) => o.connector.connect(spec));
  return h.connection;
}

function contextOf(o: RollbackOptions, h: HostRollback, host: RemoteHost): ModuleContext {
  return {
    host,
    hostname: h.name,
    become: false,
    check: o.check,
    baseDir: process.cwd(),
    secret: (value) => o.redactor.add(value),
    log: (message) => o.listener.verbose?.(2, h.name, o.redactor.mask(message)),
    runId: o.runId,
  };
}
