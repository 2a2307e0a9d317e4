import { dirname } from 'node:path';
import { fanOut } from '../report/fanOut.js';
import { ReportCollector } from '../report/ReportCollector.js';
import type { RunReport } from '../report/types.js';
import { VERSION } from '../version.js';
import { HostState } from './HostState.js';
import { PlayAborted, runPlay } from './runPlay.js';
import type { RunOptions } from './RunOptions.js';

// Runs every play of a playbook in order and returns the masked report; one connection per host serves the whole run.
export async function runPlaybook(options: RunOptions): Promise<RunReport> {
  const collector = new ReportCollector({ ferry: VERSION, playbook: options.playbook.file, check: options.check, diff: options.diff });
  const opts: RunOptions = { ...options, listener: fanOut(collector, options.listener) };
  const states = new Map([...options.inventory.hosts.keys()].map((name) => [name, new HostState(name)]));
  const baseDir = options.playbook.dir ?? dirname(options.playbook.file);
  try {
    for (const play of options.playbook.plays) {
      await runPlay(opts, play, states, baseDir);
    }
  } catch (err) {
    if (!(err instanceof PlayAborted)) throw err;
    opts.listener.verbose?.(0, undefined, err.message);
  } finally {
    await options.connector.close();
  }
  const report = collector.finish();
  opts.listener.runEnd?.(report);
  return report;
}
