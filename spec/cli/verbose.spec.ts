import { expect } from 'chai';
import { startLab, type Lab } from '../support/lab/index.js';
import { runFerry } from '../support/runFerry.js';

const SECRET = 'tok-verbose-secret-4242';

describe('-v, -vv, -vvv: more detail, secrets still masked', function () {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ count: 2 });
  });
  after(async () => lab?.stop());
  const run = (playbook: string, ...extra: string[]) => runFerry(['run', playbook, '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, ...extra]);

  it('-vvv shows each connection, each command run with its exit status, each file written; never a secret', async () => {
    const res = await run('spec/cli/playbooks/secret-copy.yml', '-vvv');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    const [h1] = lab.hosts;
    expect(res.stdout).to.include(`<host1> SSH root@${h1.address}:${h1.port} (key ${lab.keyFile})`);
    expect(res.stdout).to.match(/^<host1> EXEC( \(stdin: \d+ bytes, not shown\))?:\n {4}\S/m);
    expect(res.stdout).to.match(/^<host1> rc=0 in \d+ ms$/m);
    expect(res.stdout).to.match(/^<host1> (WRITE \/etc\/ferry-app\/token|EXEC \(stdin: \d+ bytes, not shown\))/m);
    expect(res.stdout + res.stderr).not.to.include(SECRET);
  });

  it('-vv adds how long each task took on each host, after the recap', async () => {
    const res = await run('playbooks/demo.yml', '-vv');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    const timings = res.stdout.slice(res.stdout.indexOf('TASK TIMINGS'));
    expect(res.stdout.indexOf('TASK TIMINGS')).to.be.greaterThan(res.stdout.indexOf('PLAY RECAP'));
    expect(timings).to.match(/^ +\d+(ms|\.\d\ds) +App config +host\d \d+(ms|\.\d\ds), host\d \d+(ms|\.\d\ds)$/m);
    expect(res.stdout).not.to.include(' EXEC');
  });

  it('without -v there are no traces and no timings', async () => {
    const res = await run('playbooks/demo.yml');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(res.stdout).not.to.match(/TASK TIMINGS|<host1> (SSH|EXEC)/);
  });
});
