import { expect } from 'chai';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLab, type Lab } from '../support/lab/index.js';
import { readReport, runFerry } from '../support/runFerry.js';

const PLAYBOOK = 'spec/fixtures/playbooks/core.yml';

describe('core: file, copy and command over three real hosts', function () {
  let lab: Lab;
  let work: string;

  beforeEach(async () => {
    lab = await startLab({ count: 3, files: { '/opt/legacy.conf': 'old\n' } });
    work = mkdtempSync(join(tmpdir(), 'ferry-core-'));
  });
  afterEach(async () => lab.stop());

  const run = (...extra: string[]) =>
    runFerry(['run', PLAYBOOK, '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, ...extra]);

  it('changes on the first run and nothing on the second', async () => {
    const first = await run('--report', join(work, 'first.json'));
    expect(first.code, first.stdout + first.stderr).to.equal(0);
    const r1 = readReport(join(work, 'first.json'));
    for (const h of lab.hosts) {
      expect(r1.hosts[h.name].changed, h.name).to.equal(6);
      expect(r1.hosts[h.name].failed).to.equal(0);
      const conf = h.pathOf('/etc/ferry-app/app.conf');
      expect(readFileSync(conf, 'utf8')).to.equal(`listen=0.0.0.0:8080\nhost=${h.name}\n`);
      expect(statSync(conf).mode & 0o777).to.equal(0o640);
      expect(statSync(h.pathOf('/etc/ferry-app/conf.d')).mode & 0o777).to.equal(0o750);
      expect(readFileSync(h.pathOf('/etc/ferry-app/conf.d/10-dropin.conf'), 'utf8')).to.equal('feature=on\n');
      expect(statSync(h.pathOf('/etc/ferry-app/initialised')).mode & 0o777).to.equal(0o600);
      expect(() => statSync(h.pathOf('/opt/legacy.conf'))).to.throw();
    }
    expect(first.stdout).to.match(/PLAY RECAP/);

    const second = await run('--report', join(work, 'second.json'));
    expect(second.code, second.stdout + second.stderr).to.equal(0);
    const r2 = readReport(join(work, 'second.json'));
    for (const h of lab.hosts) {
      expect(r2.hosts[h.name].changed, `${h.name} second run`).to.equal(0);
      expect(r2.hosts[h.name].ok).to.equal(7);
    }
    expect(second.stdout).to.match(/changed=0/);
    expect(second.stdout).not.to.match(/changed=[1-9]/);
  });

  it('--check changes nothing, yet reports every change the real run then makes', async () => {
    const before = await Promise.all(lab.hosts.map((h) => lab.hashTree(h.name)));
    const check = await run('--check', '--diff', '--report', join(work, 'check.json'));
    expect(check.code, check.stdout + check.stderr).to.equal(0);
    const after = await Promise.all(lab.hosts.map((h) => lab.hashTree(h.name)));
    expect(after).to.deep.equal(before);
    expect(check.stdout).to.include('[CHECK MODE]');
    expect(check.stdout).to.include('+++ after: /etc/ferry-app/app.conf');

    const real = await run('--report', join(work, 'real.json'));
    expect(real.code).to.equal(0);
    const rc = readReport(join(work, 'check.json'));
    const rr = readReport(join(work, 'real.json'));
    for (const h of lab.hosts) {
      const checked = rc.hosts[h.name].tasks;
      const real = rr.hosts[h.name].tasks;
      expect(checked.map((t: any) => t.name), h.name).to.deep.equal(real.map((t: any) => t.name));
      for (const [i, t] of real.entries()) {
        const c = checked[i];
        // A change the real run makes is announced in check mode: as a change, or as pending when it
        // depends on an earlier change not made in check mode (a file inside a directory still to be created).
        if (t.status === 'changed') expect(['changed', 'pending'], `${h.name} ${t.name}`).to.include(c.status);
        else expect(c.status, `${h.name} ${t.name}`).to.equal(t.status);
        if (c.status === 'changed') expect(c.changes, `${h.name} ${t.name}`).to.deep.equal(t.changes);
      }
      expect(checked.filter((t: any) => t.status === 'changed').length).to.be.at.least(4);
      expect(checked.filter((t: any) => t.status === 'pending').map((t: any) => t.name)).to.deep.equal([
        'Drop-in from a controller file',
        'Marker file mode',
      ]);
    }
  });

  it('exits 4 with each reason when hosts are down, keyed wrong or unknown, and finishes the healthy one', async () => {
    await lab.stop();
    lab = await startLab({ count: 4 });
    const [healthy, down, wrongKey, unknown] = lab.hosts;
    await lab.stopHost(down.name);
    const other = await startLab({ count: 1 });
    const otherKey = readFileSync(other.knownHostsFile, 'utf8').trim().split(/\s+/).slice(1).join(' ');
    await other.stop();
    const known = readFileSync(lab.knownHostsFile, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith(`[${unknown.address}]`))
      .map((l) => (l.startsWith(`[${wrongKey.address}]`) ? `[${wrongKey.address}]:${wrongKey.port} ${otherKey}` : l))
      .join('\n');
    const knownFile = join(work, 'known_hosts');
    writeFileSync(knownFile, known);
    const res = await runFerry(['run', PLAYBOOK, '-i', lab.inventoryFile, '--known-hosts', knownFile, '--report', join(work, 'r.json')]);
    expect(res.code, res.stdout + res.stderr).to.equal(4);
    const r = readReport(join(work, 'r.json'));
    expect(r.hosts[healthy.name].unreachable).to.equal(0);
    expect(r.hosts[healthy.name].changed).to.be.greaterThan(0);
    expect(readFileSync(healthy.pathOf('/etc/ferry-app/app.conf'), 'utf8')).to.include(`host=${healthy.name}`);
    for (const h of [down, wrongKey, unknown]) expect(r.hosts[h.name].unreachable, h.name).to.equal(1);
    expect(r.hosts[down.name].unreachableReason).to.match(/refused/i);
    expect(r.hosts[wrongKey.name].unreachableReason).to.match(/host key/i);
    expect(r.hosts[wrongKey.name].unreachableReason).to.match(/differs from .*known_hosts|man-in-the-middle/i);
    expect(r.hosts[unknown.name].unreachableReason).to.match(/is not in \S*known_hosts/);
    expect(res.stdout).to.match(/UNREACHABLE!/);
    expect(res.stdout + res.stderr).not.to.match(/\n\s+at .*\(/);
  });
});
