import { expect } from 'chai';
import { recap, startLanguageLab, statusOf, tasksOf, type LanguageLab } from './languageLab.js';

const HOSTS = ['host1', 'host2', 'host3'];
const LOG = '/etc/ferry-app/compose.log';

describe('language: include_tasks, import_playbook, set_fact, assert and fail', function () {
  let ll: LanguageLab;
  before(async () => {
    ll = await startLanguageLab();
  });
  after(async () => ll.stop());

  describe('include_tasks and import_playbook', () => {
    it('in check mode walks the same included tasks and imported play, changing nothing', async () => {
      const before = await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)));
      const res = await ll.run('compose.yml', ['--check']);
      expect(res.code, res.all).to.equal(0);
      expect(await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)))).to.deep.equal(before);
      expect(tasksOf(res.report, 'host1')).to.deep.equal(['Write the marker', 'Write the marker', 'Last']);
      expect(res.report!.hosts.host1.tasks.map((t) => t.status)).to.deep.equal(['changed', 'skipped', 'changed']);
    });

    it('runs included files with their vars and when, and an imported play from its own directory', async () => {
      const res = await ll.run('compose.yml');
      expect(res.code, res.all).to.equal(0);
      expect(ll.read('host1', LOG)).to.equal('first\nimported\n');
      expect(ll.read('host2', LOG)).to.equal('first\nimported\n');
      expect(ll.read('host3', LOG)).to.equal('first\nhost3-only\n');
      expect(res.report!.hosts.host1.tasks.map((t) => t.play)).to.deep.equal(['First play', 'First play', 'Imported play']);
    });
  });

  describe('set_fact, assert and fail', () => {
    it('sets facts that later tasks and plays read, asserts on them, and fails where asked, in check mode too', async () => {
      const before = await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)));
      const check = await ll.run('facts.yml', ['--check']);
      expect(await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)))).to.deep.equal(before);
      const real = await ll.run('facts.yml');
      for (const res of [check, real]) {
        expect(res.code, res.all).to.equal(2);
        expect(statusOf(res.report, 'Remember it')).to.deep.equal({ host1: 'ok', host2: 'ok', host3: 'ok' });
        expect(res.stdout).to.include('ok: [host2] => host2 knows 84');
        expect(statusOf(res.report, 'An assertion that does not hold on host3')).to.deep.equal({ host1: 'skipped', host2: 'skipped', host3: 'failed' });
        expect(res.stdout).to.include('failed: [host3] => Assertion failed: doubled > 100');
      }
      expect(statusOf(check.report, 'Write the facts')).to.deep.equal({ host1: 'changed', host2: 'changed', host3: 'changed' });
      for (const h of HOSTS) expect(ll.read(h, '/etc/ferry-app/facts.txt'), h).to.equal(`${h}-42 84 x,y,z\n`);
    });

    it('fail stops the host with its own message', async () => {
      const res = await ll.run('facts.yml', ['-e', 'stop_host=host1']);
      expect(res.code, res.all).to.equal(2);
      expect(res.stdout).to.include('failed: [host1] => host1 stopped on purpose');
      expect(tasksOf(res.report, 'host1')).not.to.include('Write the facts');
      expect(recap(res.report, 'host1')).to.include({ failed: 1 });
      expect(statusOf(res.report, 'Write the facts').host2).to.be.oneOf(['ok', 'changed']);
    });
  });
});
