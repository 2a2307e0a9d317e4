import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { FerryError, FerryErrors } from '../errors/FerryError.js';
import { EXIT } from '../report/exitCodes.js';
import { VERSION } from '../version.js';
import { inventoryCommand } from './inventoryCommand.js';
import { operatorCommands, runAidOptions } from './operatorCommands.js';
import { lockOptions, safetyOptions } from './safetyOptions.js';
import { rollbackCommand } from './rollback/rollbackCommand.js';
import { runCommand } from './runCommand.js';
import { reportMergeCommand } from './report/reportMergeCommand.js';
import { runSharded } from './shard/runSharded.js';

const USAGE_CODES = new Set(['USAGE', 'LIMIT']);

/** The one yargs internal ferry touches (not in its types): the usage instance's help cache. */
interface YargsInternals {
  getInternalMethods(): { getUsageInstance(): { cacheHelpMessage: () => void } };
}

// The command line: parses arguments, runs a command, and turns every user mistake into one clear line and an exit code.
export async function main(argv: string[] = hideBin(process.argv)): Promise<number> {
  let code: number = EXIT.OK;
  const parser = yargs(argv)
    .scriptName('ferry')
    .usage('$0 <command> [options]')
    .command(
      'run <playbook>',
      'run a playbook against an inventory',
      (y) =>
        safetyOptions(runAidOptions(y))
          .positional('playbook', { type: 'string', demandOption: true, describe: 'playbook YAML file' })
          .option('inventory', { alias: 'i', type: 'string', demandOption: true, describe: 'inventory YAML file' })
          .option('check', { alias: 'C', type: 'boolean', default: false, describe: 'dry run: probe and plan, change nothing' })
          .option('diff', { alias: 'D', type: 'boolean', default: false, describe: 'show what changes, secrets masked' })
          .option('limit', { alias: 'l', type: 'string', describe: 'host pattern to narrow the run (@file for a retry file)' })
          .option('forks', { alias: 'f', type: 'number', default: 64, describe: 'hosts worked on at once' })
          .option('report', { type: 'string', describe: 'write a JSON report to this file (mode 0600)' })
          .option('known-hosts', { type: 'string', describe: 'known_hosts file (default ~/.ssh/known_hosts)' })
          .option('accept-new-host-keys', { type: 'boolean', default: false, describe: 'trust and record keys of hosts not yet in known_hosts' })
          .option('extra-vars', { alias: 'e', type: 'string', array: true, default: [], describe: 'key=value, @file.yml or JSON (highest precedence)' })
          .option('tags', { alias: 't', type: 'string', array: true, describe: 'run only tasks with these tags' })
          .option('skip-tags', { type: 'string', array: true, describe: 'skip tasks with these tags' })
          .option('user', { alias: 'u', type: 'string', describe: 'login user when the inventory names none' })
          .option('private-key', { type: 'string', describe: 'private key file when the inventory names none' })
          .option('timeout', { alias: 'T', type: 'number', default: 10, describe: 'seconds to wait for a host to connect' })
          .option('keep-backups', { type: 'number', describe: "keep only the N newest runs' backups on each host that changed a file" })
          .option('shard', { type: 'string', describe: 'K/N: only the K-th of N even slices of the hosts (a CI job matrix; merge with `ferry report merge`)' })
          .option('verbose', { alias: 'v', type: 'count', describe: 'more detail (-vv, -vvv)' }),
      async (a) => {
        code = await runSharded({
          ...a,
          playbook: a.playbook as string,
          inventory: a.inventory as string,
          extraVars: (a.extraVars ?? []) as string[],
          tags: splitList(a.tags),
          skipTags: splitList(a.skipTags),
          verbose: a.verbose ?? 0,
        }, runCommand, (text) => process.stdout.write(text));
      },
    )
    .command(
      'report',
      'work with JSON run reports',
      (y) =>
        y
          .command(
            'merge <reports..>',
            'merge the reports of the shards of one run (--shard K/N) into one; exits with its exit code',
            (m) =>
              m
                .positional('reports', { type: 'string', array: true, demandOption: true, describe: 'the reports each shard wrote with --report' })
                .option('output', { alias: 'o', type: 'string', describe: 'write the merged report to this file (mode 0600) instead of stdout' }),
            async (m) => {
              code = await reportMergeCommand({ reports: (m.reports ?? []) as string[], output: m.output }, (text) => process.stdout.write(text));
            },
          )
          .demandCommand(1, 'name a report command: ferry report merge A.json B.json'),
    )
    .command(
      'rollback <run-report>',
      'put every file a run changed back as it was before the run',
      (y) =>
        lockOptions(y)
          .positional('run-report', { type: 'string', demandOption: true, describe: 'the JSON report `ferry run --report` wrote' })
          .option('inventory', { alias: 'i', type: 'string', describe: 'inventory YAML file (default: the one the run used)' })
          .option('check', { alias: 'C', type: 'boolean', default: false, describe: 'say what would be restored, change nothing' })
          .option('force', { type: 'boolean', default: false, describe: 'restore files changed since the run too' })
          .option('limit', { alias: 'l', type: 'string', describe: 'host pattern to narrow the rollback' })
          .option('forks', { alias: 'f', type: 'number', default: 64, describe: 'hosts worked on at once' })
          .option('report', { type: 'string', describe: "write the rollback's own JSON report to this file (mode 0600)" })
          .option('known-hosts', { type: 'string', describe: 'known_hosts file (default ~/.ssh/known_hosts)' })
          .option('user', { alias: 'u', type: 'string', describe: 'login user when the inventory names none' })
          .option('private-key', { type: 'string', describe: 'private key file when the inventory names none' })
          .option('timeout', { alias: 'T', type: 'number', default: 10, describe: 'seconds to wait for a host to connect' })
          .option('keep-backups', { type: 'number', describe: "keep only the N newest runs' backups on each host" })
          .option('verbose', { alias: 'v', type: 'count', describe: 'more detail (-vv, -vvv)' }),
      async (a) => {
        code = await rollbackCommand({ ...a, from: a.runReport as string, verbose: a.verbose ?? 0 });
      },
    )
    .command(
      'inventory',
      'show the resolved inventory',
      (y) =>
        y
          .option('inventory', { alias: 'i', type: 'string', demandOption: true, describe: 'inventory YAML file' })
          .option('list', { type: 'boolean', default: false, describe: 'every host with its variables, as JSON' })
          .option('graph', { type: 'boolean', default: false, describe: 'groups and hosts as a tree' })
          .option('host', { type: 'string', describe: 'the variables of one host' })
          .option('limit', { alias: 'l', type: 'string', describe: 'host pattern' })
          .check((a) => {
            if (!a.list && !a.graph && !a.host) throw new Error('say what to show: --list, --graph or --host NAME');
            return true;
          }),
      async (a) => {
        code = await inventoryCommand(a as never, (s) => process.stdout.write(s));
      },
    )
    .demandCommand(1, 'name a command: ferry run PLAYBOOK -i INVENTORY')
    .strict()
    .version(VERSION)
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      throw err ?? new FerryError('USAGE', msg, {}, "run 'ferry --help' for usage");
    });
  operatorCommands(parser, argv, (c) => (code = c));
  // After running a command yargs renders that command's whole help text, just in case it is asked for later: ~30 ms
  // of every start (string widths, wrapping). ferry never shows help after a command ran, so the cache stays empty.
  (parser as unknown as YargsInternals).getInternalMethods().getUsageInstance().cacheHelpMessage = () => undefined;
  if (argv.includes('--get-yargs-completions')) {
    try {
      await parser.parseAsync();
    } catch {
      // A half-typed line does not validate; yargs prints the completions and exits by itself once they are known.
    }
    return EXIT.OK;
  }
  try {
    await parser.parseAsync();
  } catch (err) {
    return reportError(err);
  }
  return code;
}

function reportError(err: unknown): number {
  if (err instanceof FerryErrors) {
    for (const p of err.problems) process.stderr.write(`ERROR: ${oneLine(p.format())}\n`);
    process.stderr.write(`ferry: ${err.problems.length} problem(s); nothing was run.\n`);
    return EXIT.LOAD;
  }
  if (err instanceof FerryError) {
    process.stderr.write(`ERROR: ${oneLine(err.format())}\n`);
    return USAGE_CODES.has(err.code) ? EXIT.USAGE : EXIT.LOAD;
  }
  process.stderr.write(`ferry: internal error, please report it:\n${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT.INTERNAL;
}

/** A path or value from the input may hold newlines or terminal escapes: one problem stays one line, and inert. */
function oneLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

function splitList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
}
