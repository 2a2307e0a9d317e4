import { expect } from 'chai';
import { cronJobProgram } from '../../lib/modules/cron_script/cronJobProgram.js';
import { judgeJobs } from '../../lib/modules/cron_script/judgeJobs.js';
import type { CronJobResult } from '../../lib/modules/cron_script/runCronJob.js';

describe('cron_script: the job program and the verdict', () => {
  it('carries values and the command in the program (stdin), quoted, with cron stdin fed by printf', () => {
    const program = cronJobProgram({ label: 'x[0]', user: 'root', command: "echo 'a' $HOME", stdin: 'line\n', env: { T: "it's" } }, 'n1');
    expect(program).to.equal(
      [
        "T='it'\\''s'; export T",
        'cd -- "$HOME" || exit 1',
        'unset OLDPWD',
        "printf '%s' 'line\n' | exec \"$SHELL\" -c '. /dev/fd/3' 3<<'FERRY_CRON_COMMAND_n1'",
        'exec 3<&-',
        "echo 'a' $HOME",
        'FERRY_CRON_COMMAND_n1',
        '',
      ].join('\n'),
    );
  });

  it('picks a here-document delimiter the command does not contain', () => {
    const program = cronJobProgram({ label: 'c', user: 'root', command: 'cat <<X\nFERRY_CRON_COMMAND_n\nX', env: {} }, 'n');
    expect(program).to.include("3<<'FERRY_CRON_COMMAND_n_'");
    expect(program.endsWith('\nFERRY_CRON_COMMAND_n_\n')).to.equal(true);
  });

  const ok = (over: Partial<CronJobResult> = {}): CronJobResult => ({ job: 'ops[0]', user: 'ferryops', command: 'x', rc: 0, stdout: 'done\n', stderr: '', ...over });
  // [title, results, expect, failed, message]
  const verdicts: Array<[string, CronJobResult[], { rc: number; output?: string }, boolean, RegExp]> = [
    ['all succeed', [ok(), ok({ job: 'ops[1]' })], { rc: 0 }, false, /2 job\(s\) succeeded/],
    ['an rc differs', [ok(), ok({ job: 'ops[1]', rc: 1, stderr: 'a\nb\nc\nd\ne\nf\n401 Unauthorized\n' })], { rc: 0 }, true, /^cron job ops\[1\] as ferryops exited with rc 1 \(expected 0\), last output: c \| d \| e \| f \| 401 Unauthorized$/],
    ['the expected rc', [ok({ rc: 3 })], { rc: 3 }, false, /succeeded/],
    ['output must match', [ok({ stdout: 'failed=2\n' })], { rc: 0, output: 'failed=0' }, true, /output does not match \/failed=0\/, last output: failed=2/],
    ['output matches on stderr too', [ok({ stdout: '', stderr: 'deployed: 1, failed=0\n' })], { rc: 0, output: '^deployed' }, false, /succeeded/],
    ['a timeout', [ok({ rc: 124, stdout: '' })], { rc: 0 }, true, /timed out after 300s \(rc 124\), no output/],
    ['a job killed after ignoring TERM', [ok({ rc: 137, stdout: '' })], { rc: 0 }, true, /was killed \(rc 137\): it ignored the TERM sent after 300s/],
    ['a job that could not start', [ok({ rc: 125, stdout: '', stderr: 'ferry-cron: no user ghost on this host\n' })], { rc: 0 }, true, /could not start: no user ghost on this host/],
  ];
  for (const [title, results, expect_, failed, message] of verdicts) {
    it(title, () => {
      const verdict = judgeJobs(results, { ...expect_, timeout: 300 });
      expect(verdict.failed === true).to.equal(failed);
      expect(verdict.msg).to.match(message);
      expect(verdict.result?.rc).to.equal(Math.max(...results.map((r) => r.rc)));
      expect(verdict.result?.jobs).to.deep.equal(results);
    });
  }
});
