import { dirname } from 'node:path';
import { fanOut } from '../report/fanOut.js';
import { ReportCollector } from '../report/ReportCollector.js';
import type { RunReport } from '../report/types.js';
import { VERSION } from '../version.js';
import { newRunId } from '../modules/changes/backupStore.js';
import { HostState } from './HostState.js';
import { lockRunHosts } from './hostLock/lockRunHosts.js';
import { pruneBackups, type PruneContext } from './pruneBackups.js';
import { PlayAborted, runPlay } from './runPlay.js';
import type { RunOptions } from './RunOptions.js';

// Runs every play of a playbook in order and returns the masked report; one connection per host serves the whole run.
export async function runPlaybook(options: RunOptions): Promise<RunReport> {
  const runId = options.runId ?? newRunId();
  const header = { ferry: VERSION, playbook: options.playbook.file, check: options.check, diff: options.diff, runId, inventory: options.inventoryFile };
  const collector = new ReportCollector(header);
  const opts: RunOptions = { ...options, runId, listener: fanOut(collector, options.listener) };
  const states = new Map([...options.inventory.hosts.keys()].map((name) => [name, new HostState(name)]));
  const baseDir = options.playbook.dir ?? dirname(options.playbook.file);
  try {
    lockRunHosts(opts, states);
    for (const play of options.playbook.plays) {
      await runPlay(opts, play, states, baseDir);
    }
  } catch (err) {
    if (!(err instanceof PlayAborted)) throw err;
    opts.listener.verbose?.(0, undefined, err.message);
  } finally {
    if (opts.keepBackups !== undefined && !opts.check) await pruneBackups(collector.finish(), pruneContext(opts, states));
    await options.connector.close();
  }
  const report = collector.finish();
  opts.listener.runEnd?.(report);
  return report;
}

/** Pruning reuses the run's own connections: a host the run never reached is not contacted for it. */
function pruneContext(opts: RunOptions, states: Map<string, HostState>): PruneContext {
  return {
    keep: opts.keepBackups!,
    connectionOf: (host) => states.get(host)?.connection,
    warn: (host, message) => opts.listener.verbose?.(0, host, opts.redactor.mask(message)),
  };
}
