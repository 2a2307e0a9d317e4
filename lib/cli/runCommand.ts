import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { runPlaybook } from '../engine/runPlaybook.js';
import { builtinModules } from '../modules/index.js';
import { ConsoleReporter } from '../report/ConsoleReporter.js';
import { colorEnabled } from '../report/colorEnabled.js';
import { writeReport } from '../report/writeReport.js';
import { Redactor } from '../secrets/Redactor.js';
import { LocalHost } from '../transport/LocalHost.js';
import { Transport } from '../transport/Transport.js';
import { connectionSpecs } from './connectionSpecs.js';
import { onInterrupt } from './onInterrupt.js';
import { inventorySecrets } from './inventorySecrets.js';
import { keepBackupsOf } from './keepBackups.js';
import { loadRunInputs } from './loadRunInputs.js';
import { parseExtraVars } from './parseExtraVars.js';
import { RunAids, type AidArgs } from './runAids.js';
import { hostLockPolicyOf, taskTimeoutMs, type SafetyArgs } from './safetyOptions.js';

/** `ferry run` options, as yargs parses them. */
export interface RunArgs extends AidArgs, SafetyArgs {
  playbook: string;
  inventory: string;
  check: boolean;
  diff: boolean;
  limit?: string;
  forks: number;
  report?: string;
  knownHosts?: string;
  acceptNewHostKeys: boolean;
  extraVars: string[];
  tags?: string[];
  skipTags?: string[];
  user?: string;
  privateKey?: string;
  timeout: number;
  verbose: number;
  keepBackups?: number;
}

// `ferry run PLAYBOOK -i INVENTORY`: load and validate everything, then run it over one connection per host.
export async function runCommand(args: RunArgs, out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const keepBackups = keepBackupsOf(args.keepBackups);
  const extraVars = parseExtraVars(args.extraVars);
  const { playbook, inventory } = await loadRunInputs(args.playbook, args.inventory, args.limit, extraVars);
  const redactor = new Redactor();
  inventorySecrets(inventory).forEach((s) => redactor.add(s));
  const connector = new Transport({
    hostKeys: { knownHostsFile: args.knownHosts ?? join(homedir(), '.ssh', 'known_hosts'), acceptNew: args.acceptNewHostKeys },
    execTimeoutMs: taskTimeoutMs(args),
  });
  const stopListening = onInterrupt(() => connector.close());
  const aids = new RunAids(args, playbook, redactor, { out, err: process.stderr, stdin: process.stdin, env: process.env });
  const [check, diff] = [args.check || aids.check, args.diff || aids.check];
  const console = new ConsoleReporter({
    write: aids.write,
    color: colorEnabled(out, process.env),
    diff,
    verbosity: args.verbose,
    check,
  });
  const report = await runPlaybook({
    playbook,
    inventory,
    modules: builtinModules,
    connector: aids.connector(connector),
    localHost: aids.localHost(new LocalHost()),
    listener: aids.listener(console),
    taskGate: aids.taskGate,
    redactor,
    connectionSpec: connectionSpecs(inventory, { user: args.user, privateKey: args.privateKey, connectTimeout: args.timeout }),
    limit: args.limit,
    check,
    diff,
    forks: args.forks,
    extraVars,
    tags: args.tags,
    skipTags: args.skipTags,
    verbosity: args.verbose,
    keepBackups,
    inventoryFile: resolve(args.inventory),
    hostLock: hostLockPolicyOf(args, args.playbook),
  }).finally(() => {
    stopListening();
    aids.close();
  });
  if (args.report) await writeReport(args.report, redactor.maskDeep(report));
  await aids.afterRun(report);
  return report.exitCode;
}
