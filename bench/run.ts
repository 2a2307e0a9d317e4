// `npm run bench`: times ferry, Ansible and the floor on the same fleets of local sshd hosts and prints the table.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, type BenchArgs } from './benchArgs.js';
import { measureSize } from './measureSize.js';
import type { BenchResults } from './report/BenchResults.js';
import { formatTable, machineLine } from './report/formatTable.js';
import { machineInfo } from './report/machineInfo.js';
import { ensureAnsible } from './tools/ensureAnsible.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * Ansible needs minutes per run from 50 hosts up on two cores, so it runs fewer times there to keep the whole bench
 * within a quarter of an hour; `--ansible-reps 50=3,200=1` asks for more.
 */
const DEFAULTS: BenchArgs = {
  sizes: [1, 10, 50, 200],
  reps: 3,
  ansibleReps: new Map([
    [50, 1],
    [200, 0],
  ]),
  ansible: true,
  floor: true,
  build: true,
  out: path.join(REPO, 'bench', 'results.json'),
};

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), DEFAULTS);
  // The lab's exit hook kills every sshd it started; a signal must end the process through it.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));
  step('bash', ['spec/support/ensure-system.sh'], 'the SSH lab needs sshd, sudo, strace and the ferryops user');
  // The same build npm test and npm ci make: type-checked library, bundled CLI.
  if (args.build) step('npm', ['run', 'build'], 'dist/ must be built from these sources');
  const ansibleVersion = args.ansible ? ensureAnsible(log) : undefined;
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: machineInfo(ansibleVersion),
    repetitions: { ferry: args.reps, floor: args.floor ? args.reps : 0, ansible: {} },
    sizes: [],
    notes: [],
  };
  const started = Date.now();
  for (const hosts of args.sizes) {
    const ansibleReps = args.ansible ? (args.ansibleReps.get(hosts) ?? args.reps) : 0;
    results.repetitions.ansible[String(hosts)] = ansibleReps;
    if (args.ansible && ansibleReps === 0) results.notes.push(`Ansible was not run at ${hosts} hosts (--ansible-reps ${hosts}=1 runs it once).`);
    results.sizes.push(await measureSize({ hosts, reps: args.reps, ansibleReps, floor: args.floor, log }));
    writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  }
  log(`bench: done in ${((Date.now() - started) / 60000).toFixed(1)} min; wrote ${path.relative(process.cwd(), args.out)}`);
  process.stdout.write(`\n${machineLine(results)}\n\n${formatTable(results)}\n`);
  for (const note of results.notes) process.stdout.write(`\n${note}`);
  process.stdout.write('\n');
}

/** A setup step the bench cannot go on without. */
function step(command: string, argv: string[], why: string): void {
  const r = spawnSync(command, argv, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (${why})`);
}

main().catch((err: unknown) => {
  log(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
