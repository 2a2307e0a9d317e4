import { expect } from 'chai';
import { recap, startLanguageLab, statusOf, type LanguageLab } from './languageLab.js';

const HOSTS = ['host1', 'host2', 'host3'];
const LOG = '/etc/ferry-app/block.log';

describe('language: block, rescue and always', function () {
  let ll: LanguageLab;
  before(async () => {
    ll = await startLanguageLab();
  });
  after(async () => ll.stop());

  it('in check mode rescues the failing host the same way, and changes nothing', async () => {
    const before = await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)));
    const res = await ll.run('blocks.yml', ['--check']);
    expect(res.code, res.all).to.equal(0);
    expect(await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)))).to.deep.equal(before);
    expect(recap(res.report, 'host2')).to.include({ rescued: 1, failed: 0 });
    expect(statusOf(res.report, 'Rescue')).to.deep.equal({ host1: undefined, host2: 'changed', host3: undefined });
    expect(statusOf(res.report, 'Always')).to.deep.equal({ host1: 'changed', host2: 'changed', host3: 'changed' });
  });

  it('rescues a failing host (recap rescued=1, exit 0), and runs always on every host', async () => {
    const before = Object.fromEntries(HOSTS.map((h) => [h, ll.read(h, LOG) ?? '']));
    const res = await ll.run('blocks.yml');
    expect(res.code, res.all).to.equal(0);
    const added = (h: string): string => (ll.read(h, LOG) ?? '').slice(before[h].length);
    expect(added('host2')).to.equal('rescue\nalways\nafter\n');
    for (const h of ['host1', 'host3']) expect(added(h), h).to.equal('block\nalways\nafter\n');
    expect(recap(res.report, 'host2')).to.include({ rescued: 1, failed: 0 });
    expect(recap(res.report, 'host1')).to.include({ rescued: 0, failed: 0 });
    expect(res.stdout).to.match(/host2\s+:.*failed=0.*rescued=1/);
  });

  it('runs always even when the rescue fails, then stops that host (exit 2)', async () => {
    const before = Object.fromEntries(HOSTS.map((h) => [h, ll.read(h, LOG) ?? '']));
    const res = await ll.run('blocks.yml', ['-e', 'rescue_fails=true']);
    expect(res.code, res.all).to.equal(2);
    const added = (h: string): string => (ll.read(h, LOG) ?? '').slice(before[h].length);
    expect(added('host2')).to.equal('rescue\nalways\n');
    expect(added('host1')).to.equal('block\nalways\nafter\n');
    // As Ansible counts: the failure the rescue took over is rescued, the rescue's own failure is failed.
    expect(recap(res.report, 'host2')).to.include({ rescued: 1, failed: 1 });
    expect(res.stdout).to.include('rescue failed as well');
  });
});
