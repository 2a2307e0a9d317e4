import { shellQuote } from '../shellQuote.js';
import type { CronJob } from './cronScriptTypes.js';

// The script the job's own shell reads on stdin: the job's variables, cd $HOME like cron, then `$SHELL -c` runs the command,
// which it reads from a here-document on fd 3 so that neither the command nor any value lands in an argv.
export function cronJobProgram(job: CronJob, nonce: string): string {
  let delimiter = `FERRY_CRON_COMMAND_${nonce}`;
  while (job.command.split('\n').includes(delimiter)) delimiter += '_';
  const exportOf = (name: string, value: string) => `${name}=${shellQuote(value)}; export ${name}`;
  const exports = Object.entries(job.env).map(([name, value]) => exportOf(name, value));
  // cd exports OLDPWD, which cron's environment does not have (unless the file sets it).
  const oldPwd = job.env.OLDPWD === undefined ? 'unset OLDPWD' : exportOf('OLDPWD', job.env.OLDPWD);
  // cron feeds the text after % on stdin; without it the job's stdin is empty.
  const run =
    job.stdin === undefined
      ? `exec "$SHELL" -c '. /dev/fd/3' </dev/null 3<<'${delimiter}'`
      : `printf '%s' ${shellQuote(job.stdin)} | exec "$SHELL" -c '. /dev/fd/3' 3<<'${delimiter}'`;
  return [
    ...exports,
    'cd -- "$HOME" || exit 1',
    oldPwd,
    run,
    // The command does not need fd 3, and nothing it starts should inherit it.
    'exec 3<&-',
    job.command,
    delimiter,
    '',
  ].join('\n');
}
