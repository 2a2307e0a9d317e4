import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLanguageLab, statusOf, type LanguageLab } from './languageLab.js';

const HOSTS = ['host1', 'host2', 'host3'];

describe('language: run_once and delegate_to: localhost', function () {
  let ll: LanguageLab;
  before(async () => {
    ll = await startLanguageLab();
  });
  after(async () => ll.stop());

  const outDir = (name: string): string => {
    const dir = join(ll.work, name);
    mkdirSync(dir);
    return dir;
  };

  it('run_once runs on the first host only, and its registered result is visible on every host', async () => {
    const out = outDir('once');
    const res = await ll.run('placement.yml', ['-e', `out=${out}`]);
    expect(res.code, res.all).to.equal(0);
    expect(ll.read('host1', '/etc/ferry-app/once.txt')).to.equal('host1\n');
    for (const h of ['host2', 'host3']) expect(ll.read(h, '/etc/ferry-app/once.txt'), h).to.equal(undefined);
    for (const h of HOSTS) expect(ll.read(h, '/etc/ferry-app/once-seen.txt'), h).to.equal('minted-by-host1\n');
    expect(Object.keys(res.report!.hosts).filter((h) => statusOf(res.report, 'Mint something on one host only')[h])).to.deep.equal(['host1']);
  });

  it('delegate_to: localhost runs the command on the controller, once per host, or once with run_once', async () => {
    const out = outDir('delegated');
    const res = await ll.run('placement.yml', ['-e', `out=${out}`]);
    expect(res.code, res.all).to.equal(0);
    expect(readFileSync(join(out, 'delegated.log'), 'utf8').split('\n').filter(Boolean).sort()).to.deep.equal(HOSTS);
    expect(readFileSync(join(out, 'once-delegated.log'), 'utf8')).to.equal('once-for-host1\n');
    expect(res.stdout).to.match(/changed: \[host2 -> localhost\]/);
    // The delegated path exists on the controller only, on no host.
    for (const h of ll.lab.hosts) expect(existsSync(h.pathOf(out)), h.name).to.equal(false);
  });

  it('in check mode runs nothing anywhere, yet reports where each task would run', async () => {
    const out = outDir('check');
    const before = await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)));
    const res = await ll.run('placement.yml', ['--check', '-e', `out=${out}`]);
    expect(res.code, res.all).to.equal(0);
    expect(await Promise.all(HOSTS.map((h) => ll.lab.hashTree(h)))).to.deep.equal(before);
    expect(existsSync(join(out, 'delegated.log'))).to.equal(false);
    expect(existsSync(join(out, 'once-delegated.log'))).to.equal(false);
    expect(statusOf(res.report, 'Mint something on one host only')).to.deep.equal({ host1: 'changed', host2: undefined, host3: undefined });
    expect(statusOf(res.report, 'Each host\'s line, written on the controller')).to.deep.equal({ host1: 'changed', host2: 'changed', host3: 'changed' });
    expect(res.report!.hosts.host2.tasks.find((t) => t.name === "Each host's line, written on the controller")!.delegatedTo).to.equal('localhost');
  });
});
