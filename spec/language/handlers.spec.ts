import { expect } from 'chai';
import { startLanguageLab, statusOf, type LanguageLab } from './languageLab.js';

const HOSTS = ['host1', 'host2', 'host3'];

describe('language: notify, handlers and listen', function () {
  let ll: LanguageLab;
  before(async () => {
    ll = await startLanguageLab();
  });
  after(async () => ll.stop());

  it('in check mode announces the handlers the changes would run, and changes nothing', async () => {
    const before = await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)));
    const res = await ll.run('handlers.yml', ['--check', '-e', 'version=1']);
    expect(res.code, res.all).to.equal(0);
    expect(await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)))).to.deep.equal(before);
    expect(res.stdout).to.include('RUNNING HANDLER [Restart app]');
    expect(statusOf(res.report, 'Restart app')).to.deep.equal({ host1: 'changed', host2: 'changed', host3: undefined });
    expect(statusOf(res.report, 'Never notified')).to.deep.equal({ host1: undefined, host2: undefined, host3: undefined });
  });

  it('runs each notified handler once, after every task, only on the hosts that changed, topics included', async () => {
    const res = await ll.run('handlers.yml', ['-e', 'version=1']);
    expect(res.code, res.all).to.equal(0);
    // Notified twice, run once; the listen topic reached "Flush the cache"; handlers in the order written.
    for (const h of ['host1', 'host2']) expect(ll.read(h, '/etc/ferry-app/order.log'), h).to.equal('task\nrestart\nflush\n');
    expect(ll.read('host3', '/etc/ferry-app/order.log')).to.equal('task\n');
    const names = res.report!.hosts.host1.tasks.map((t) => t.name);
    expect(names.slice(-2)).to.deep.equal(['Restart app', 'Flush the cache']);
    expect(names.filter((n) => n === 'Restart app')).to.have.length(1);
  });

  it('then, with nothing left to change, runs no handler', async () => {
    const before = ll.read('host1', '/etc/ferry-app/order.log') ?? '';
    const res = await ll.run('handlers.yml', ['-e', 'version=1']);
    expect(res.code, res.all).to.equal(0);
    expect(res.stdout).not.to.include('RUNNING HANDLER');
    expect(ll.read('host1', '/etc/ferry-app/order.log')).to.equal(`${before}task\n`);
  });
});
