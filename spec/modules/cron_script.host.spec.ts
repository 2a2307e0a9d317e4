import { expect } from 'chai';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cronScript } from '../../lib/modules/cron_script/cronScript.js';
import { LAB_USER } from '../support/lab/index.js';
import { startModuleLab, type ModuleLab } from './hostModuleLab.js';

const EXTRA_SECRET = 'ferry-extra-env-secret-9f8e7d6c';
const CRON_FILE = [
  '# molecule ops jobs',
  'GITEA_URL=https://git.example',
  'PERSONA = "ops-automation"',
  `*/5 * * * * ${LAB_USER} { id -un; echo "$PATH"; echo "$HOME"; echo "$GITEA_URL $PERSONA $EXTRA"; pwd; env | cut -d= -f1 | sort | tr '\\n' ' '; } > /tmp/cron-out.txt`,
  `@daily ${LAB_USER} echo "poll: 401 Unauthorized" >&2; exit 1`,
  `@hourly ${LAB_USER} sleep 3171; echo never`,
  'SHELL=/bin/bash',
  '@weekly root echo "$BASH_VERSION" > /tmp/cron-bash.txt; cat > /tmp/cron-stdin.txt%line one%line \\% two',
  '',
].join('\n');

describe('cron_script on real hosts', function () {
  let ml: ModuleLab;
  const local = (remote: string) => ml.hostOf().pathOf(remote);

  before(async function () {
    ml = await startModuleLab(1);
    writeFileSync(local('/etc/cron.d/molecule-ops'), CRON_FILE);
  });
  after(async () => ml?.stop());

  it('check mode lists what it would run and runs nothing', async () => {
    const out = await ml.run(cronScript, { name: 'molecule-ops' }, { user: LAB_USER, become: true, check: true });
    expect(out.status).to.equal('changed');
    expect(out.plan?.changes.map((c) => c.summary)).to.deep.equal([
      `run cron job molecule-ops[0] as ${LAB_USER}: { id -un; echo "$PATH"; echo "$HOME"; echo "$GITEA_URL $PERSONA $EXTRA"; pwd; env | cut -d= -f1 | sort | tr '\\n' ' '; } > /tmp/cron-out.txt`,
      `run cron job molecule-ops[1] as ${LAB_USER}: echo "poll: 401 Unauthorized" >&2; exit 1`,
      `run cron job molecule-ops[2] as ${LAB_USER}: sleep 3171; echo never`,
      'run cron job molecule-ops[3] as root: echo "$BASH_VERSION" > /tmp/cron-bash.txt; cat > /tmp/cron-stdin.txt',
    ]);
    expect(existsSync(local('/tmp/cron-out.txt'))).to.equal(false);
  });

  it("runs an entry as its user with cron's environment only, the task's env on top, no value in any argv", async () => {
    const trace = await ml.lab.traceExecve('host1');
    const out = await ml.run(cronScript, { name: 'molecule-ops', job: 0, env: { EXTRA: EXTRA_SECRET } }, { user: LAB_USER, become: true });
    const traced = await trace.stop();
    expect(out.status, out.msg).to.equal('changed');
    expect(out.result.rc).to.equal(0);
    const lines = readFileSync(local('/tmp/cron-out.txt'), 'utf8').split('\n');
    expect(lines.slice(0, 5)).to.deep.equal([LAB_USER, '/usr/bin:/bin', `/home/${LAB_USER}`, `https://git.example ops-automation ${EXTRA_SECRET}`, `/home/${LAB_USER}`]);
    expect(lines[5].trim().split(' ')).to.deep.equal(['EXTRA', 'GITEA_URL', 'HOME', 'LOGNAME', 'PATH', 'PERSONA', 'PWD', 'SHELL', 'USER']);
    // The job's shell holds the values in its environment, as under cron; no process got one in its argv.
    const argvs = traced.split('\n').filter((l) => l.includes('execve(')).map((l) => /execve\("[^"]*", \[(.*?)\], /.exec(l)?.[1] ?? l);
    expect(argvs.some((a) => a.includes('"setpriv"'))).to.equal(true);
    expect(argvs.filter((a) => a.includes(EXTRA_SECRET) || a.includes('git.example'))).to.deep.equal([]);
  });

  it('fails with the job, its rc and its last output when the job exits 1', async () => {
    const out = await ml.run(cronScript, { name: 'molecule-ops', job: 'exit 1' }, { user: LAB_USER, become: true });
    expect(out.status).to.equal('failed');
    expect(out.msg).to.equal(`cron job molecule-ops[1] as ${LAB_USER} exited with rc 1 (expected 0), last output: poll: 401 Unauthorized`);
    expect(out.result.jobs).to.deep.equal([{ job: 'molecule-ops[1]', user: LAB_USER, command: 'echo "poll: 401 Unauthorized" >&2; exit 1', rc: 1, stdout: '', stderr: 'poll: 401 Unauthorized\n' }]);
  });

  it('honours timeout, killing the whole job', async () => {
    const started = Date.now();
    const out = await ml.run(cronScript, { name: 'molecule-ops', job: 2, timeout: 1 }, { user: LAB_USER, become: true });
    expect(out.status).to.equal('failed');
    expect(out.msg).to.match(/molecule-ops\[2\] as ferryops timed out after 1s \(rc 124\)/);
    expect(Date.now() - started).to.be.below(10000);
    // Zombies do not count: a killed process whose parent died waits for this machine's init to reap it.
    const alive = "ps -u ferryops -o stat=,args= | grep -v '^Z' | grep -q '[s]leep 3171' && echo alive || echo none";
    const left = await ml.run(cronScript, { command: alive, expect_output: '^none$' });
    expect(left.status, left.msg).to.equal('changed');
  });

  it("uses the file's SHELL and feeds the text after % on stdin", async () => {
    const out = await ml.run(cronScript, { name: 'molecule-ops', job: 3 });
    expect(out.status, out.msg).to.equal('changed');
    expect(readFileSync(local('/tmp/cron-bash.txt'), 'utf8')).to.match(/^\d+\.\d+/);
    expect(readFileSync(local('/tmp/cron-stdin.txt'), 'utf8')).to.equal('line one\nline % two');
  });

  it('checks expect_rc and expect_output of a plain command run as a user', async () => {
    const ok = await ml.run(cronScript, { command: 'id -un; exit 3', user: LAB_USER, expect_rc: 3, expect_output: `^${LAB_USER}$` }, { become: true });
    expect(ok.status, ok.msg).to.equal('changed');
    const bad = await ml.run(cronScript, { command: 'echo deployed=1 failed=2', expect_output: 'failed=0' });
    expect(bad.status).to.equal('failed');
    expect(bad.msg).to.match(/output does not match \/failed=0\/, last output: deployed=1 failed=2/);
  });

  it('says a job cannot switch user without become', async () => {
    rmSync(local('/tmp/cron-out.txt'), { force: true });
    const out = await ml.run(cronScript, { command: 'id', user: 'root' }, { user: LAB_USER });
    expect(out.status).to.equal('failed');
    expect(out.msg).to.match(/could not start: running a job as root needs root: set become: true/);
  });
});
