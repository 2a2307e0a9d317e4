import { FerryError } from '../../errors/FerryError.js';
import { EXIT } from '../../report/exitCodes.js';
import { exitCodeOf } from '../../report/exitCodeOf.js';
import type { RunReport } from '../../report/types.js';

/** One report to merge and the file it came from, for messages. */
export interface NamedReport {
  file: string;
  report: RunReport;
}

// The reports of the shards of one run as the report of the whole run: every host's section as its shard wrote it,
// the exit code computed again from all of them. Two shards that both worked on a host, or a dry run mixed with a
// real one, are refused: their union would describe no run that happened.
export function mergeReports(inputs: readonly NamedReport[]): RunReport {
  if (inputs.length === 0) throw new FerryError('USAGE', 'nothing to merge', {}, 'name the shard reports: ferry report merge A.json B.json');
  const [first] = inputs;
  const hosts: RunReport['hosts'] = {};
  const owner = new Map<string, string>();
  for (const { file, report } of inputs) {
    if (report.check !== first.report.check) {
      throw new FerryError('USAGE', `${file} is a ${mode(report)} but ${first.file} is a ${mode(first.report)}`, { file }, 'merge the reports of one run only');
    }
    for (const [name, section] of Object.entries(report.hosts)) {
      const other = owner.get(name);
      if (other !== undefined) {
        throw new FerryError('USAGE', `host ${name} is in both ${other} and ${file}`, { file, host: name }, 'merge the reports of disjoint shards of one run (--shard K/N)');
      }
      owner.set(name, file);
      hosts[name] = section;
    }
  }
  const all = inputs.map((i) => i.report);
  const merged: RunReport = {
    ferry: first.report.ferry,
    playbook: first.report.playbook,
    check: first.report.check,
    diff: all.some((r) => r.diff),
    started: all.map((r) => r.started).sort()[0],
    finished: all.map((r) => r.finished).sort().reverse()[0],
    exitCode: EXIT.OK,
    hosts,
  };
  // Each shard ran with its own run id (its backups on its hosts): one only when all agree.
  const same = <K extends 'runId' | 'inventory'>(key: K) => (all.every((r) => r[key] === first.report[key]) ? first.report[key] : undefined);
  if (same('runId') !== undefined) merged.runId = same('runId');
  if (same('inventory') !== undefined) merged.inventory = same('inventory');
  // An interrupted shard did not reach all of its hosts: that wins over anything its hosts' counts say.
  merged.exitCode = all.some((r) => r.exitCode === EXIT.INTERRUPTED) ? EXIT.INTERRUPTED : exitCodeOf(merged);
  return merged;
}

function mode(report: RunReport): string {
  return report.check ? 'dry run (--check)' : 'real run';
}
