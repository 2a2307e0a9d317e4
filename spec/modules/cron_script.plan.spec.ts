import { expect } from 'chai';
import { FerryError, FerryErrors } from '../../lib/errors/FerryError.js';
import { cronScriptPlan } from '../../lib/modules/cron_script/cronScriptPlan.js';
import type { CronScriptArgs, CronScriptFacts } from '../../lib/modules/cron_script/cronScriptTypes.js';
import { parseCronD, type CronEntry } from '../../lib/modules/cron_script/parseCronD.js';
import { splitCronCommand } from '../../lib/modules/cron_script/splitCronCommand.js';

/** The fields of an entry a table compares (line and env checked separately where they matter). */
const shapeOf = (e: CronEntry) => ({ schedule: e.schedule, user: e.user, command: e.command, ...(e.stdin === undefined ? {} : { stdin: e.stdin }) });

describe('cron_script: parseCronD', () => {
  // [title, file, entries]
  const table: Array<[string, string, Array<ReturnType<typeof shapeOf>>]> = [
    ['comments and blank lines only', '# m h dom mon dow user command\n\n   \n\t# indented comment\n', []],
    ['a five-field entry', '*/5 * * * * root /opt/ops/poll.sh >/dev/null 2>&1\n', [{ schedule: '*/5 * * * *', user: 'root', command: '/opt/ops/poll.sh >/dev/null 2>&1' }]],
    ['names, ranges, lists and steps', '0 9-17/2 1,15 jan-jun mon-fri ferryops run\n', [{ schedule: '0 9-17/2 1,15 jan-jun mon-fri', user: 'ferryops', command: 'run' }]],
    ['a macro', '@daily ferryops echo hi\n', [{ schedule: '@daily', user: 'ferryops', command: 'echo hi' }]],
    ['@reboot, upper case too', '@REBOOT root /bin/true\n', [{ schedule: '@REBOOT', user: 'root', command: '/bin/true' }]],
    ['tabs between fields, blanks inside the command kept', '*\t*\t*\t*\t*\troot\techo  a   b  \n', [{ schedule: '* * * * *', user: 'root', command: 'echo  a   b  ' }]],
    ['leading blanks and a CRLF line', '  0 0 * * * root date\r\n', [{ schedule: '0 0 * * *', user: 'root', command: 'date' }]],
    ['% starts stdin, later % are newlines', '0 0 * * * root mail -s hi root%line one%line two\n', [{ schedule: '0 0 * * *', user: 'root', command: 'mail -s hi root', stdin: 'line one\nline two' }]],
    ['\\% is a literal %', '0 0 * * * root date +\\%Y-\\%m-\\%d\n', [{ schedule: '0 0 * * *', user: 'root', command: 'date +%Y-%m-%d' }]],
    ['other backslashes stay', '0 0 * * * root printf "a\\tb\\n"\n', [{ schedule: '0 0 * * *', user: 'root', command: 'printf "a\\tb\\n"' }]],
    ['an assignment inside the command is the command', '0 0 * * * root FOO=bar /bin/env\n', [{ schedule: '0 0 * * *', user: 'root', command: 'FOO=bar /bin/env' }]],
    ['several entries in order', '@hourly a one\n@daily b two\n', [{ schedule: '@hourly', user: 'a', command: 'one' }, { schedule: '@daily', user: 'b', command: 'two' }]],
  ];
  for (const [title, text, entries] of table) {
    it(title, () => {
      const parsed = parseCronD(text);
      expect(parsed.problems).to.deep.equal([]);
      expect(parsed.entries.map(shapeOf)).to.deep.equal(entries);
    });
  }

  // [line, value cron gives]
  const values: Array<[string, string]> = [
    ['A=1', '1'],
    ['A = spaced   ', 'spaced'],
    ['A="two words"', 'two words'],
    ["A=' keep blanks '", ' keep blanks '],
    ['A="unmatched\'', '"unmatched\''],
    ['A=$HOME/x', '$HOME/x'],
    ['A=', ''],
    ['A=a=b=c', 'a=b=c'],
    ['  A=indented', 'indented'],
  ];
  for (const [line, value] of values) {
    it(`environment line ${JSON.stringify(line)} gives ${JSON.stringify(value)}`, () => {
      const parsed = parseCronD(`${line}\n@daily root x\n`);
      expect(parsed.entries[0].env).to.deep.equal({ A: value });
    });
  }

  it('gives each entry the assignments above it only, the last of a name winning', () => {
    const parsed = parseCronD('SHELL=/bin/bash\nA=1\n@daily root one\nA=2\nB=3\n@daily root two\n');
    expect(parsed.entries.map((e) => e.env)).to.deep.equal([
      { SHELL: '/bin/bash', A: '1' },
      { SHELL: '/bin/bash', A: '2', B: '3' },
    ]);
    expect(parsed.entries.map((e) => e.line)).to.deep.equal([3, 6]);
    expect(parsed.env).to.deep.equal({ SHELL: '/bin/bash', A: '2', B: '3' });
  });

  // [line, problem]
  const problems: Array<[string, RegExp]> = [
    ['* * * * * root', /needs a user and a command/],
    ['@weekly', /needs a user and a command/],
    ['@sometimes root x', /unknown schedule @sometimes/],
    ['hello world this is not cron', /not a comment, an assignment or a job/],
    ['* * * * * root %only stdin', /no command/],
    ['MY-VAR=1', /MY-VAR is not a variable name/],
  ];
  for (const [line, problem] of problems) {
    it(`reports ${JSON.stringify(line)} with its line number`, () => {
      const parsed = parseCronD(`# head\n${line}\n@daily root ok\n`);
      expect(parsed.problems).to.have.length(1);
      expect(parsed.problems[0].line).to.equal(2);
      expect(parsed.problems[0].message).to.match(problem);
      expect(parsed.entries.map((e) => e.command)).to.deep.equal(['ok']);
    });
  }
});

describe('cron_script: splitCronCommand', () => {
  // [text, command, stdin]
  const table: Array<[string, string, string | undefined]> = [
    ['echo hi', 'echo hi', undefined],
    ['cat%', 'cat', ''],
    ['cat%a%%b', 'cat', 'a\n\nb'],
    ['cat%100\\%', 'cat', '100%'],
    ['a\\\\%b', 'a\\\\', 'b'],
    ['cat%x\\y', 'cat', 'x\\y'],
    ['cat%ends\\', 'cat', 'ends\\'],
  ];
  for (const [text, command, stdin] of table) {
    it(JSON.stringify(text), () => {
      expect(splitCronCommand(text)).to.deep.equal(stdin === undefined ? { command } : { command, stdin });
    });
  }
});

describe('cron_script: plan', () => {
  const FILE = '# deploy poll\nSHELL=/bin/sh\nGITEA_URL=https://git.example\n*/5 * * * * ferryops /opt/ops/deploy-poll.sh\n@daily root /opt/ops/r2-backup.sh --full\n';
  const facts: CronScriptFacts = { path: '/etc/cron.d/molecule-ops', exists: true, text: FILE };
  const args = (over: Partial<CronScriptArgs> = {}): CronScriptArgs => ({ name: 'molecule-ops', ...over });

  // [title, args, change summaries]
  const table: Array<[string, CronScriptArgs, string[]]> = [
    ['every entry in order', args(), ['run cron job molecule-ops[0] as ferryops: /opt/ops/deploy-poll.sh', 'run cron job molecule-ops[1] as root: /opt/ops/r2-backup.sh --full']],
    ['by index', args({ job: 1 }), ['run cron job molecule-ops[1] as root: /opt/ops/r2-backup.sh --full']],
    ['by regex', args({ job: 'deploy-poll' }), ['run cron job molecule-ops[0] as ferryops: /opt/ops/deploy-poll.sh']],
    ['a file path names the job by its base name', { file: '/etc/cron.d/molecule-ops' }, ['run cron job molecule-ops[0] as ferryops: /opt/ops/deploy-poll.sh', 'run cron job molecule-ops[1] as root: /opt/ops/r2-backup.sh --full']],
    ['a plain command, root by default', { command: 'env | sort' }, ["run as root with cron's environment: env | sort"]],
    ['a plain command as a user', { command: 'id', user: 'ferryops' }, ["run as ferryops with cron's environment: id"]],
  ];
  for (const [title, a, changes] of table) {
    it(title, () => {
      expect(cronScriptPlan(a.command ? {} : facts, a).changes.map((c) => c.summary)).to.deep.equal(changes);
    });
  }

  it("gives each job the file's variables, then the task's env over them", () => {
    const plan = cronScriptPlan(facts, args({ job: 0, env: { GITEA_TOKEN: 'gta_secret_value_1234', SHELL: '/bin/bash' } }));
    expect(plan.data?.jobs).to.deep.equal([
      {
        label: 'molecule-ops[0]',
        user: 'ferryops',
        command: '/opt/ops/deploy-poll.sh',
        env: { SHELL: '/bin/bash', GITEA_URL: 'https://git.example', GITEA_TOKEN: 'gta_secret_value_1234' },
      },
    ]);
  });

  it('never puts an env value in a change summary', () => {
    const plan = cronScriptPlan(facts, args({ env: { GITEA_TOKEN: 'gta_secret_value_1234' } }));
    expect(JSON.stringify(plan.changes)).to.not.include('gta_secret_value_1234');
  });

  it('says what is wrong with a job selector, listing the jobs', () => {
    expect(() => cronScriptPlan(facts, args({ job: 5 }))).to.throw(FerryError, /has 2 job\(s\), no job 5/);
    expect(() => cronScriptPlan(facts, args({ job: 'nothing-like-it' }))).to.throw(FerryError, /matches no job .*\[0\] \/opt\/ops\/deploy-poll.sh; \[1\]/);
    expect(() => cronScriptPlan(facts, args({ job: 'opt' }))).to.throw(FerryError, /matches 2 jobs/);
    expect(() => cronScriptPlan(facts, args({ job: '(' }))).to.throw(FerryError, /not a valid regex/);
    expect(() => cronScriptPlan(facts, args({ expect_output: '[' }))).to.throw(FerryError, /expect_output is not a valid regex/);
  });

  it('refuses a missing file and a file without jobs', () => {
    expect(() => cronScriptPlan({ path: '/etc/cron.d/nope', exists: false }, { name: 'nope' })).to.throw(FerryError, 'cron file /etc/cron.d/nope does not exist');
    expect(() => cronScriptPlan({ ...facts, text: '# nothing\n' }, args())).to.throw(FerryError, /has no cron job/);
  });

  it('reports every line cron would skip, each with file and line', () => {
    let caught: unknown;
    try {
      cronScriptPlan({ ...facts, text: 'A=1\n* * * * root\n@daily root ok\nbogus line\n' }, args());
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(FerryErrors);
    const lines = (caught as FerryErrors).problems.map((p) => p.format());
    expect(lines).to.have.length(2);
    expect(lines[0]).to.match(/^\/etc\/cron\.d\/molecule-ops:2: cron would not run this line/);
    expect(lines[1]).to.match(/^\/etc\/cron\.d\/molecule-ops:4: /);
  });
});
