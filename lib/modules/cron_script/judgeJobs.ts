import type { ApplyResult } from '../defineModule.js';
import { SETUP_PREFIX, SETUP_RC } from './cronJobScript.js';
import type { CronJobResult } from './runCronJob.js';

/** Lines of output a failure message quotes. */
const TAIL_LINES = 5;

// Checks each job's rc and output against what the task expects; the message names the job, its rc and its last lines.
export function judgeJobs(results: CronJobResult[], expect: { rc: number; output?: string; timeout: number }): ApplyResult {
  const re = expect.output === undefined ? undefined : new RegExp(expect.output, 'm');
  const failures: string[] = [];
  for (const r of results) {
    const output = [r.stdout, r.stderr].filter((s) => s !== '').join('\n');
    const why = reasonOf(r, expect.rc, expect.timeout, re, output);
    if (why) failures.push(`${r.job} as ${r.user} ${why}${tailOf(output)}`);
  }
  const rc = results.reduce((max, r) => Math.max(max, r.rc), 0);
  const result = { jobs: results, rc };
  if (failures.length === 0) return { result, msg: `${results.length} job(s) succeeded` };
  return { result, failed: true, msg: `cron job ${failures.join('; ')}` };
}

function reasonOf(r: CronJobResult, rc: number, timeout: number, re: RegExp | undefined, output: string): string | undefined {
  if (r.rc === SETUP_RC && r.stderr.startsWith(SETUP_PREFIX)) return `could not start: ${r.stderr.slice(SETUP_PREFIX.length).trim()}`;
  if (r.rc === 124) return `timed out after ${timeout}s (rc 124)`;
  if (r.rc === 137) return `was killed (rc 137): it ignored the TERM sent after ${timeout}s, or something else killed it`;
  if (r.rc !== rc) return `exited with rc ${r.rc} (expected ${rc})`;
  if (re && !re.test(output)) return `output does not match /${re.source}/`;
  return undefined;
}

function tailOf(output: string): string {
  const lines = output.replace(/\s+$/, '').split('\n').slice(-TAIL_LINES);
  return lines.length === 0 || lines[0] === '' ? ', no output' : `, last output: ${lines.join(' | ')}`;
}
