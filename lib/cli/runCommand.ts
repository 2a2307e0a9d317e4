import { homedir } from 'node:os';
import { join } from 'node:path';
import { runPlaybook } from '../engine/runPlaybook.js';
import { builtinModules } from '../modules/index.js';
import { ConsoleReporter } from '../report/ConsoleReporter.js';
import { colorEnabled } from '../report/colorEnabled.js';
import { writeReport } from '../report/writeReport.js';
import { Redactor } from '../secrets/Redactor.js';
import { LocalHost } from '../transport/LocalHost.js';
import { Transport } from '../transport/Transport.js';
import { connectionSpecs } from './connectionSpecs.js';
import { inventorySecrets } from './inventorySecrets.js';
import { loadRunInputs } from './loadRunInputs.js';
import { parseExtraVars } from './parseExtraVars.js';

/** `ferry run` options, as yargs parses them. */
export interface RunArgs {
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
}

// `ferry run PLAYBOOK -i INVENTORY`: load and validate everything, then run it over one connection per host.
export async function runCommand(args: RunArgs, out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const extraVars = parseExtraVars(args.extraVars);
  const { playbook, inventory } = await loadRunInputs(args.playbook, args.inventory, args.limit, extraVars);
  const redactor = new Redactor();
  inventorySecrets(inventory).forEach((s) => redactor.add(s));
  const connector = new Transport({
    hostKeys: { knownHostsFile: args.knownHosts ?? join(homedir(), '.ssh', 'known_hosts'), acceptNew: args.acceptNewHostKeys },
  });
  const console = new ConsoleReporter({
    write: (s) => out.write(redactor.mask(s)),
    color: colorEnabled(out, process.env),
    diff: args.diff,
    verbosity: args.verbose,
    check: args.check,
  });
  const report = await runPlaybook({
    playbook,
    inventory,
    modules: builtinModules,
    connector,
    localHost: new LocalHost(),
    listener: console,
    redactor,
    connectionSpec: connectionSpecs(inventory, { user: args.user, privateKey: args.privateKey, connectTimeout: args.timeout }),
    limit: args.limit,
    check: args.check,
    diff: args.diff,
    forks: args.forks,
    extraVars,
    tags: args.tags,
    skipTags: args.skipTags,
    verbosity: args.verbose,
  });
  if (args.report) await writeReport(args.report, redactor.maskDeep(report));
  return report.exitCode;
}
