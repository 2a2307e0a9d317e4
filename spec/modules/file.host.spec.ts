import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { accountIds } from '../support/lab/hostTrees.js';
import { FerryError } from '../../lib/errors/FerryError.js';
import { file } from '../../lib/modules/file/file.js';
import type { FileArgs } from '../../lib/modules/file/filePlan.js';
import { contextOf, counting, runModule, startModuleLab, summaries, type ModuleLab } from './labHosts.js';

/** Names that would run `touch pwned` if any shell read them as code. */
const NASTY = ['a b;touch pwned', "it's \"q\"", '$(touch pwned)', '`touch pwned`', 'new\nline', '-rf', 'x|touch pwned&'];

describe('file on a real host', function () {
  let m: ModuleLab;
  before(async () => {
    m = await startModuleLab({ '/etc/ferry-app/app.conf': 'a=1\n' });
  });
  after(async () => m?.stop());

  it('creates a directory with its mode and owner, then has nothing left to do', async () => {
    const args: FileArgs = { path: '/srv/app/conf.d', state: 'directory', mode: '0750', owner: 'ferryops', group: 'ferryops' };
    const first = await runModule(file, contextOf(m.root), args);
    expect(summaries(first.plan)).to.deep.equal(['create directory /srv/app/conf.d (mode 0750, owner ferryops, group ferryops)']);
    const st = statSync(m.host.pathOf('/srv/app/conf.d'));
    expect(st.isDirectory()).to.equal(true);
    expect(st.mode & 0o7777).to.equal(0o750);
    expect(st.uid).to.equal(accountIds('ferryops').uid);
    const again = await runModule(file, contextOf(m.root), args);
    expect(again.plan.changes).to.deep.equal([]);
  });

  it('changes only the mode and owner that differ, naming each', async () => {
    writeFileSync(m.host.pathOf('/srv/modes'), 'x', { mode: 0o644 });
    const args: FileArgs = { path: '/srv/modes', mode: 'u=rw,g=r,o=', owner: 'ferryops' };
    const first = await runModule(file, contextOf(m.root), args);
    expect(summaries(first.plan)).to.deep.equal(['mode 0644 → 0640', 'owner root → ferryops']);
    const st = statSync(m.host.pathOf('/srv/modes'));
    expect([st.mode & 0o7777, st.uid, st.gid]).to.deep.equal([0o640, accountIds('ferryops').uid, 0]);
    expect((await runModule(file, contextOf(m.root), args)).plan.changes).to.deep.equal([]);
  });

  it('clears a directory setgid bit when the octal mode leaves it out', async () => {
    mkdirSync(m.host.pathOf('/srv/sgid'), { mode: 0o755 });
    const ctx = contextOf(m.root);
    await runModule(file, ctx, { path: '/srv/sgid', state: 'directory', mode: '2775' });
    expect(statSync(m.host.pathOf('/srv/sgid')).mode & 0o7777).to.equal(0o2775);
    const back = await runModule(file, ctx, { path: '/srv/sgid', state: 'directory', mode: '0755' });
    expect(summaries(back.plan)).to.deep.equal(['mode 2775 → 0755']);
    expect(statSync(m.host.pathOf('/srv/sgid')).mode & 0o7777).to.equal(0o755);
  });

  it('removes a whole tree, and a second run finds nothing to remove', async () => {
    mkdirSync(m.host.pathOf('/srv/old/deep'), { recursive: true });
    writeFileSync(m.host.pathOf('/srv/old/deep/f'), 'x');
    const first = await runModule(file, contextOf(m.root), { path: '/srv/old', state: 'absent' });
    expect(summaries(first.plan)).to.deep.equal(['remove /srv/old']);
    expect(existsSync(m.host.pathOf('/srv/old'))).to.equal(false);
    expect((await runModule(file, contextOf(m.root), { path: '/srv/old', state: 'absent' })).plan.changes).to.deep.equal([]);
  });

  it('touches a new file into being with the mode asked', async () => {
    const res = await runModule(file, contextOf(m.root), { path: '/srv/marker', state: 'touch', mode: '0600' });
    expect(summaries(res.plan)).to.deep.equal(['create file /srv/marker (mode 0600)']);
    expect(statSync(m.host.pathOf('/srv/marker')).mode & 0o7777).to.equal(0o600);
  });

  it('fails on state=file for a missing path, as Ansible does', async () => {
    const err = await runModule(file, contextOf(m.root), { path: '/srv/nothing-here' }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(FerryError);
    expect((err as FerryError).message).to.equal('file /srv/nothing-here does not exist');
  });

  it('probes in one round trip, and check mode leaves the host tree as it was', async () => {
    writeFileSync(m.host.pathOf('/srv/check-me'), 'x', { mode: 0o644 });
    const before = await m.lab.hashTree(m.host.name);
    const host = counting(m.root);
    const ctx = contextOf(host, { check: true });
    const tasks: FileArgs[] = [
      { path: '/srv/new-dir/sub', state: 'directory', mode: '0700' },
      { path: '/srv/check-me', mode: '0600', owner: 'ferryops' },
      { path: '/srv/check-me', state: 'touch' },
      { path: '/etc/ferry-app/app.conf', state: 'absent' },
    ];
    for (const args of tasks) {
      const res = await runModule(file, ctx, args);
      expect(res.plan.changes, JSON.stringify(args)).to.not.deep.equal([]);
    }
    expect(host.requests).to.have.length(tasks.length);
    expect(await m.lab.hashTree(m.host.name)).to.equal(before);
  });

  it('takes every path as one literal name: nothing in it runs', async () => {
    const ctx = contextOf(m.root);
    for (const name of NASTY) await runModule(file, ctx, { path: `/tmp/${name}`, state: 'touch', mode: '0640' });
    await runModule(file, ctx, { path: '/tmp/a b;touch /tmp/pwned', state: 'directory' });
    for (const name of NASTY) expect(statSync(m.host.pathOf(`/tmp/${name}`)).mode & 0o777, name).to.equal(0o640);
    expect(lstatSync(m.host.pathOf('/tmp/a b;touch /tmp/pwned')).isDirectory()).to.equal(true);
    expect(readdirSync(m.host.pathOf('/tmp')).filter((n) => n.includes('pwned') && !NASTY.includes(n))).to.deep.equal([]);
    expect(existsSync(m.host.pathOf('/tmp/pwned'))).to.equal(false);
    expect(existsSync(m.host.pathOf('/root/pwned'))).to.equal(false);
    for (const name of NASTY) {
      await runModule(file, ctx, { path: `/tmp/${name}`, state: 'absent' });
      expect(existsSync(m.host.pathOf(`/tmp/${name}`)), name).to.equal(false);
    }
  });

  it('needs become for a root-owned path, and works with it', async () => {
    const args: FileArgs = { path: '/etc/ferry-app/by-ops', state: 'directory' };
    const err = await runModule(file, contextOf(m.ops), args).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(FerryError);
    expect((err as FerryError).hint).to.match(/become/);
    await runModule(file, contextOf(m.ops, { become: true }), args);
    expect(statSync(m.host.pathOf('/etc/ferry-app/by-ops')).uid).to.equal(0);
  });

  it('keeps the record of each directory it made even when a later step fails, and fails the task with them', async () => {
    const res = await runModule(file, contextOf(m.root), { path: '/srv/made/deep', state: 'directory', owner: 'no-such-user-here' });
    expect(res.applied?.failed).to.equal(true);
    expect(res.applied?.msg).to.match(/creating directory \/srv\/made\/deep failed: .*no-such-user-here/);
    expect(res.applied?.files?.map((f) => [f.path, f.before, f.after !== 'absent' && 'type' in f.after && f.after.type])).to.deep.equal([
      ['/srv/made', 'absent', 'directory'],
      ['/srv/made/deep', 'absent', 'directory'],
    ]);
    expect(lstatSync(m.host.pathOf('/srv/made/deep')).isDirectory()).to.equal(true);
  });

  it('removes a FIFO unrecorded (there is nothing to keep), and records a removed file with its copy', async () => {
    execFileSync('mkfifo', [m.host.pathOf('/srv/fifo')]);
    const fifo = await runModule(file, contextOf(m.root), { path: '/srv/fifo', state: 'absent' });
    expect([existsSync(m.host.pathOf('/srv/fifo')), fifo.applied?.files]).to.deep.equal([false, undefined]);
    writeFileSync(m.host.pathOf('/srv/gone'), 'kept\n', { mode: 0o640 });
    const gone = await runModule(file, contextOf(m.root), { path: '/srv/gone', state: 'absent' });
    const [record] = gone.applied?.files ?? [];
    expect(record).to.deep.include({ path: '/srv/gone', after: 'absent' });
    expect(readFileSync(m.host.pathOf((record as { backup: string }).backup), 'utf8')).to.equal('kept\n');
    expect(statSync(m.host.pathOf((record as { backup: string }).backup)).mode & 0o7777).to.equal(0o640);
  });
});
