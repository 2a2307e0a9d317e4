import { expect } from 'chai';
import { startLab, type Lab } from '../support/lab/index.js';
import { runFerry } from '../support/runFerry.js';

describe('ferry run --plan-only', function () {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ count: 3 });
  });
  after(async () => lab?.stop());

  it('is a check-mode diff run that changes nothing, then a task × host table of what would change', async () => {
    const before = await Promise.all(lab.hosts.map((h) => lab.hashTree(h.name)));
    const res = await runFerry(['run', 'playbooks/demo.yml', '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--plan-only']);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(await Promise.all(lab.hosts.map((h) => lab.hashTree(h.name)))).to.deep.equal(before);
    expect(res.stdout).to.include('[CHECK MODE]');
    expect(res.stdout).to.match(/^\+greeting=hello from ferry$/m);
    const table = res.stdout.slice(res.stdout.indexOf('PLAN SUMMARY'));
    expect(table).to.match(/^PLAN SUMMARY \[check mode: nothing was changed\] \*+$/m);
    expect(table).to.match(/^\| # \| task {12}\| host1 \| host2 \| host3 \|$/m);
    // The lab hosts have /etc/ferry-app already; the config and the one-time command are still to come.
    expect(table).to.match(/^\| 1 \| App directory +\| = +\| = +\| = +\|$/m);
    expect(table).to.match(/^\| 2 \| App config +\| ~ +\| ~ +\| ~ +\|$/m);
    expect(table).to.match(/^\| 3 \| Initialise once +\| ~ +\| ~ +\| ~ +\|$/m);
    expect(table).to.match(/^\| 4 \| Where we are +\| = +\| = +\| = +\|$/m);
    expect(table).to.match(/^6 change\(s\) would be made on 3 of 3 host\(s\)\.$/m);
  });
});
