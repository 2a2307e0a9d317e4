import { randomBytes } from 'node:crypto';
import { FerryError } from '../../errors/FerryError.js';
import { defineModule } from '../defineModule.js';
import { remoteFailure } from '../remoteFailure.js';
import { cronFileOf, cronScriptPlan } from './cronScriptPlan.js';
import { DEFAULT_TIMEOUT, type CronScriptArgs, type CronScriptData, type CronScriptFacts } from './cronScriptTypes.js';
import { judgeJobs } from './judgeJobs.js';
import { parseCronFileRead, readCronFileScript, type CronFileRead } from './readCronFile.js';
import { parseCronFilesRead, readCronFilesScript } from './readCronFiles.js';
import { runCronJob, type CronJobResult } from './runCronJob.js';

/** cron.d files larger than this are not read. */
const CRON_FILE_LIMIT = 1024 * 1024;

/** The facts of one cron file read; a file too large to be a cron file is refused. */
function factsOf(path: string, read: CronFileRead, host: string): CronScriptFacts {
  if (read.kind === 'too-large') throw new FerryError('MODULE', `${path} is larger than a cron file should be`, { host }, 'check name or file');
  return { path, exists: read.kind === 'file', text: read.kind === 'file' ? read.text : undefined };
}

// Proves a cron job still works after a change: runs what a cron.d entry runs, as its user, with cron's environment only.
export const cronScript = defineModule<CronScriptArgs, CronScriptFacts, CronScriptData>({
  name: 'cron_script',
  summary: "Run what a cron.d entry runs, as its user with cron's environment, and check its rc and output",
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', description: 'The file /etc/cron.d/<name>.' },
      file: { type: 'string', minLength: 1, description: 'A cron.d-format file anywhere (instead of name).' },
      job: {
        anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', minLength: 1 }],
        description: 'Which entry: its 0-based index, or a regex matching exactly one command. Default: every entry, in order.',
      },
      command: { type: 'string', minLength: 1, description: "Instead of a file: a command line, run by /bin/sh as user with cron's environment." },
      user: { type: 'string', pattern: '^[a-z_][a-z0-9_-]*[$]?$', description: 'With command: the user to run it as (default root).' },
      timeout: { type: 'integer', minimum: 1, default: DEFAULT_TIMEOUT, description: 'Seconds each job may run before it is killed (rc 124).' },
      expect_rc: { type: 'integer', minimum: 0, maximum: 255, default: 0, description: 'The exit status every job must end with.' },
      expect_output: { type: 'string', minLength: 1, description: "A regex (multiline) the job's stdout and stderr together must match." },
      env: {
        type: 'object',
        propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        additionalProperties: { type: 'string' },
        description: "Extra variables after the file's own. Always secret: they reach the host on stdin, never on a command line.",
      },
    },
    // Each branch names its own property: ajv's strict mode wants every required key defined beside it.
    oneOf: [
      { required: ['name'], properties: { name: true } },
      { required: ['file'], properties: { file: true } },
      { required: ['command'], properties: { command: true } },
    ],
    dependencies: {
      user: { required: ['command'], properties: { command: true } },
      job: { anyOf: [{ required: ['name'], properties: { name: true } }, { required: ['file'], properties: { file: true } }] },
    },
  },
  alwaysSecret: ['env'],
  example: `- name: Prove the deploy poller still works with the new token
  cron_script:
    name: molecule-deploy-poll
    expect_output: "failed=0"
    timeout: 120
  become: true`,

  async probe(ctx, args) {
    const path = cronFileOf(args);
    if (path === undefined) return {};
    const res = await ctx.host.exec({ script: readCronFileScript(path, CRON_FILE_LIMIT), become: ctx.become });
    if (res.rc !== 0) throw remoteFailure(ctx.hostname, `reading ${path}`, res);
    return factsOf(path, parseCronFileRead(res.stdout, CRON_FILE_LIMIT), ctx.hostname);
  },

  // A loop over cron files (the rotation proves five consumers per host) reads them all in one round trip.
  async probeItems(ctx, items) {
    const paths = items.map(cronFileOf);
    const files = paths.filter((p): p is string => p !== undefined);
    const nonce = randomBytes(12).toString('hex');
    const res = files.length ? await ctx.host.exec({ script: readCronFilesScript(files, CRON_FILE_LIMIT, nonce), become: ctx.become }) : undefined;
    if (res && res.rc !== 0) throw remoteFailure(ctx.hostname, `reading ${files.join(', ')}`, res);
    const reads = res ? parseCronFilesRead(res.stdout, nonce, files.length, CRON_FILE_LIMIT) : [];
    if (!reads) throw new FerryError('REMOTE', 'reading the cron files printed something unexpected', { host: ctx.hostname }, 'run again with -vvv');
    let next = 0;
    return paths.map((path) => (path === undefined ? {} : factsOf(path, reads[next++], ctx.hostname)));
  },

  plan: cronScriptPlan,

  async apply(ctx, plan, args) {
    const timeout = args.timeout ?? DEFAULT_TIMEOUT;
    const results: CronJobResult[] = [];
    for (const job of (plan.data as CronScriptData).jobs) results.push(await runCronJob(ctx, job, timeout));
    return judgeJobs(results, { rc: args.expect_rc ?? 0, output: args.expect_output, timeout });
  },
});
