import { expect } from 'chai';
import { recap, startLanguageLab, statusOf, type LanguageLab } from './languageLab.js';

const SECRET = 'label-s3cr3t-Qw81';
const ENV = { FERRY_SPEC_LABEL_SECRET: SECRET };
const HOSTS = ['host1', 'host2', 'host3'];

describe('language: register, when, loop, changed_when, failed_when, ignore_errors', function () {
  let ll: LanguageLab;
  before(async () => {
    ll = await startLanguageLab();
  });
  after(async () => ll.stop());

  it('check mode predicts every choice the real run then makes, and changes nothing', async () => {
    const before = await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)));
    const check = await ll.run('conditions.yml', ['--check'], ENV);
    expect(check.code, check.all).to.equal(0);
    expect(await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)))).to.deep.equal(before);
    // `when` reads a registered result (the probe runs in check mode too, check_mode: false).
    expect(statusOf(check.report, 'Only host2 gets a marker')).to.deep.equal({ host1: 'skipped', host2: 'changed', host3: 'skipped' });
    const loop = check.report!.hosts.host1.tasks.find((t) => t.name === 'One file per item')!;
    expect(loop.items!.map((i) => [i.item, i.status])).to.deep.equal([['alpha', 'changed'], ['beta', 'changed']]);
    // Commands do not run in check mode: a condition on their own output cannot be judged, so the change is predicted;
    // one that needs no output (changed_when: false) still holds, and the command, not run, is not claimed ok.
    expect(statusOf(check.report, 'A command that succeeds, yet its output says it failed').host1).to.equal('changed');
    expect(statusOf(check.report, 'A command whose exit 3 is fine and never a change').host1).to.equal('skipped');
    expect(statusOf(check.report, 'A command that fails, ignored').host1).to.equal('changed');
    expect(check.stdout).not.to.include(SECRET);

    const real = await ll.run('conditions.yml', [], ENV);
    expect(real.code, real.all).to.equal(0);
    expect(statusOf(real.report, 'Only host2 gets a marker')).to.deep.equal(statusOf(check.report, 'Only host2 gets a marker'));
  });

  it('register + when choose the host, and the loop runs once per item with its label and index', async () => {
    const res = await ll.run('conditions.yml', [], ENV);
    expect(res.code, res.all).to.equal(0);
    expect(ll.read('host2', '/etc/ferry-app/when.txt')).to.equal('chosen host2\n');
    for (const h of ['host1', 'host3']) expect(ll.read(h, '/etc/ferry-app/when.txt'), h).to.equal(undefined);
    for (const h of HOSTS) {
      expect(ll.read(h, '/etc/ferry-app/loop-alpha.txt'), h).to.equal('0:first\n');
      expect(ll.read(h, '/etc/ferry-app/loop-beta.txt'), h).to.equal('1:second\n');
    }
    const loop = res.report!.hosts.host3.tasks.find((t) => t.name === 'One file per item')!;
    expect(loop.items!.map((i) => i.item)).to.deep.equal(['alpha', 'beta']);
    expect(res.stdout).to.match(/: \[host1\] => \(item=alpha\)/);
  });

  it('masks a secret inside a loop label on the console and in the report', async () => {
    const res = await ll.run('conditions.yml', [], ENV);
    expect(res.code, res.all).to.equal(0);
    expect(res.stdout).to.include('(item=one with ********)');
    expect(res.all).not.to.include(SECRET);
    expect(JSON.stringify(res.report)).not.to.include(SECRET);
    const labels = res.report!.hosts.host2.tasks.find((t) => t.name === 'A label that holds a secret')!.items!.map((i) => i.item);
    expect(labels).to.deep.equal(['one with ********', 'two with ********']);
  });

  it('changed_when and failed_when decide the status from the registered result; ignore_errors lets the host go on', async () => {
    const res = await ll.run('conditions.yml', [], ENV);
    expect(res.code, res.all).to.equal(0);
    expect(statusOf(res.report, 'A command whose exit 3 is fine and never a change')).to.deep.equal({ host1: 'ok', host2: 'ok', host3: 'ok' });
    for (const task of ['A command that succeeds, yet its output says it failed', 'A command that fails, ignored']) {
      const results = res.report!.hosts.host1.tasks.filter((t) => t.name === task);
      expect(results.map((t) => [t.status, t.ignored]), task).to.deep.equal([['failed', true]]);
    }
    expect(res.stdout).to.include('...ignoring');
    // The task after the ignored failures ran, and saw what was registered.
    for (const h of HOSTS) expect(ll.read(h, '/etc/ferry-app/seen.txt'), h).to.equal('partial=3 boom=true bad=true/1\n');
    expect(recap(res.report, 'host1')).to.include({ failed: 0, ignored: 2 });
  });
});
