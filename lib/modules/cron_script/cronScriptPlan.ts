import path from 'node:path';
import { FerryError, FerryErrors } from '../../errors/FerryError.js';
import type { Plan } from '../defineModule.js';
import type { CronJob, CronScriptArgs, CronScriptData, CronScriptFacts } from './cronScriptTypes.js';
import { parseCronD } from './parseCronD.js';
import { selectJobs } from './selectJobs.js';

/** Where a cron.d name lives. */
export const CRON_D = '/etc/cron.d';

/** The file a task names: `/etc/cron.d/<name>`, or `file` itself. */
export function cronFileOf(args: CronScriptArgs): string | undefined {
  return args.file ?? (args.name === undefined ? undefined : path.posix.join(CRON_D, args.name));
}

// Pure: reads the cron file and lists the jobs it would run, one change each; in check mode this list is the whole answer.
export function cronScriptPlan(facts: CronScriptFacts, args: CronScriptArgs): Plan<CronScriptData> {
  assertRegex(args.expect_output);
  const extra = args.env ?? {};
  if (args.command !== undefined) {
    const user = args.user ?? 'root';
    const job: CronJob = { label: 'command', user, command: args.command, env: { ...extra } };
    return { changes: [{ summary: `run as ${user} with cron's environment: ${args.command}` }], data: { jobs: [job] } };
  }
  const file = facts.path ?? cronFileOf(args) ?? '';
  if (!facts.exists || facts.text === undefined) {
    throw new FerryError('MODULE', `cron file ${file} does not exist`, {}, args.name !== undefined ? `name is a file in ${CRON_D}; check it` : 'check file');
  }
  const parsed = parseCronD(facts.text);
  if (parsed.problems.length > 0) {
    throw new FerryErrors(parsed.problems.map((p) => new FerryError('MODULE', `cron would not run this line: ${p.message}`, { file, line: p.line }, 'fix the line in the cron file')));
  }
  const label = args.name ?? path.posix.basename(file);
  const jobs = selectJobs(parsed.entries, args.job, file).map(({ index, entry }): CronJob => {
    const job: CronJob = { label: `${label}[${index}]`, user: entry.user, command: entry.command, env: { ...entry.env, ...extra } };
    if (entry.stdin !== undefined) job.stdin = entry.stdin;
    return job;
  });
  return { changes: jobs.map((j) => ({ summary: `run cron job ${j.label} as ${j.user}: ${j.command}` })), data: { jobs } };
}

/** A bad expect_output is the task's mistake: say so before anything runs. */
function assertRegex(source: string | undefined): void {
  if (source === undefined) return;
  try {
    new RegExp(source, 'm');
  } catch (err) {
    throw new FerryError('MODULE', `expect_output is not a valid regex: ${(err as Error).message}`, {}, 'escape special characters such as ( [ + ?');
  }
}
