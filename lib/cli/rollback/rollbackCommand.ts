import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { FerryError, FerryErrors } from '../../errors/FerryError.js';
import { applyLimit, loadInventory } from '../../inventory/index.js';
import type { Inventory } from '../../inventory/types.js';
import { newRunId } from '../../modules/changes/backupStore.js';
import { ConsoleReporter } from '../../report/ConsoleReporter.js';
import { colorEnabled } from '../../report/colorEnabled.js';
import { writeReport } from '../../report/writeReport.js';
import { Redactor } from '../../secrets/Redactor.js';
import { Transport } from '../../transport/Transport.js';
import { connectionSpecs } from '../connectionSpecs.js';
import { inventorySecrets } from '../inventorySecrets.js';
import { keepBackupsOf } from '../keepBackups.js';
import { problemsOf } from '../loadRunInputs.js';
import { readRecordedRun, type RecordedRun } from './rollbackReport.js';
import { runRollback } from './rollbackRun.js';
import { rollbackTasks } from './rollbackTasks.js';
import { hostLockPolicyOf } from '../safetyOptions.js';
import { notUndoneLine, notUndoneOf } from './notUndoneOf.js';

/** `ferry rollback` options, as yargs parses them. */
export interface RollbackArgs {
  /** The JSON report of the run to undo. */
  from: string;
  /** Inventory file; the one the report names when absent. */
  inventory?: string;
  check: boolean;
  force: boolean;
  limit?: string;
  forks: number;
  /** Where to write the rollback's own JSON report. */
  report?: string;
  knownHosts?: string;
  user?: string;
  privateKey?: string;
  timeout: number;
  verbose: number;
  keepBackups?: number;
  /** `--lock fail|wait|off` and `--lock-timeout`, as for a run. */
  lock?: string;
  lockTimeout?: number;
}

// `ferry rollback REPORT.json`: every file the run changed goes back to its pre-run bytes, mode and owner, last change
// first, under the same host lock a run takes; what the run changed that is not a file is named, not undone.
export async function rollbackCommand(args: RollbackArgs, out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const keepBackups = keepBackupsOf(args.keepBackups);
  const run = await readRecordedRun(args.from);
  if (run.check) {
    throw new FerryError('USAGE', 'this is the report of a --check run, which changed nothing', { file: args.from }, 'give the report of the run to undo');
  }
  const inventoryFile = args.inventory ?? run.inventory;
  if (!inventoryFile) throw new FerryError('USAGE', 'the report does not name its inventory', { file: args.from }, 'pass -i INVENTORY');
  const inventory = await loadInventory(resolve(inventoryFile)).catch((err: unknown) => {
    throw new FerryErrors(problemsOf(err));
  });
  const only = hostsToRollBack(run, inventory, inventoryFile, args.limit);
  const redactor = new Redactor();
  inventorySecrets(inventory).forEach((s) => redactor.add(s));
  const console = new ConsoleReporter({
    write: (s) => out.write(redactor.mask(s)),
    color: colorEnabled(out, process.env),
    // A restore has no diff text (the copies may hold secrets): this prints each one's `~ restore … from …` line.
    diff: true,
    verbosity: args.verbose,
    check: args.check,
  });
  const notUndone = notUndoneOf(run, gapHosts(run, inventory, args.limit));
  for (const gap of notUndone) console.verbose(0, undefined, notUndoneLine(gap));
  const report = await runRollback({
    run,
    tasks: rollbackTasks(run, only),
    connector: new Transport({ hostKeys: { knownHostsFile: args.knownHosts ?? join(homedir(), '.ssh', 'known_hosts'), acceptNew: false } }),
    connectionSpec: connectionSpecs(inventory, { user: args.user, privateKey: args.privateKey, connectTimeout: args.timeout }),
    listener: console,
    redactor,
    check: args.check,
    force: args.force,
    forks: args.forks,
    runId: newRunId(),
    inventoryFile: resolve(inventoryFile),
    keepBackups,
    hostLock: hostLockPolicyOf(args, resolve(args.from), 'rollback'),
    notUndone,
  });
  if (args.report) await writeReport(args.report, redactor.maskDeep(report));
  return report.exitCode;
}

/** The report's hosts whose unrecorded changes are listed: all of them, or those --limit picks. */
function gapHosts(run: RecordedRun, inventory: Inventory, limit: string | undefined): Set<string> | undefined {
  if (!limit) return undefined;
  return new Set(applyLimit(inventory, [...run.hosts.keys()].filter((h) => inventory.hosts.has(h)), limit));
}

/** The report's hosts that changed files, narrowed by --limit; each must be in the inventory, or nothing runs. */
function hostsToRollBack(run: RecordedRun, inventory: Inventory, inventoryFile: string, limit: string | undefined): Set<string> {
  const changed = [...run.hosts].filter(([, tasks]) => tasks.some((t) => t.files.length > 0)).map(([name]) => name);
  const chosen = limit ? applyLimit(inventory, changed.filter((h) => inventory.hosts.has(h)), limit) : changed;
  const missing = chosen.filter((h) => !inventory.hosts.has(h));
  if (missing.length) {
    throw new FerryErrors(
      missing.map((h) => new FerryError('INVENTORY', `host '${h}' of the report is not in the inventory`, { file: inventoryFile }, 'pass the inventory the run used with -i')),
    );
  }
  return new Set(chosen);
}
