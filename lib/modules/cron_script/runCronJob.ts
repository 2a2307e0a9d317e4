import { randomBytes } from 'node:crypto';
import type { ModuleContext } from '../defineModule.js';
import { cronJobProgram } from './cronJobProgram.js';
import { cronJobScript } from './cronJobScript.js';
import type { CronJob } from './cronScriptTypes.js';

/** What one job did, as `register` sees it. */
export interface CronJobResult {
  job: string;
  user: string;
  command: string;
  rc: number;
  stdout: string;
  stderr: string;
}

/** Seconds the connection waits beyond the host's own timeout(1) (its -k grace included) before giving up. */
const SLACK_SECONDS = 30;

// Runs one job on the host in one exec: the start-up script in the exec's script, everything secret on its stdin.
export async function runCronJob(ctx: ModuleContext, job: CronJob, timeoutSeconds: number): Promise<CronJobResult> {
  const res = await ctx.host.exec({
    script: cronJobScript(job.user, timeoutSeconds),
    stdin: cronJobProgram(job, randomBytes(8).toString('hex')),
    become: ctx.become,
    timeoutMs: (timeoutSeconds + SLACK_SECONDS) * 1000,
    // The job runs under timeout(1), which kills its whole process group: no second watchdog on the host.
    bounded: true,
  });
  return { job: job.label, user: job.user, command: job.command, rc: res.rc, stdout: res.stdout, stderr: res.stderr };
}
