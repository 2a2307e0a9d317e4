import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountIds } from '../support/lab/hostTrees.js';
import { FerryError } from '../../lib/errors/FerryError.js';
import { copy } from '../../lib/modules/copy.js';
import { contextOf, counting, runModule, startModuleLab, summaries, type ModuleLab } from './labHosts.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('copy on a real host', function () {
  let m: ModuleLab;
  let ops: { uid: number; gid: number };
  let local: string;
  before(async () => {
    m = await startModuleLab();
    ops = accountIds('ferryops');
    local = mkdtempSync(join(tmpdir(), 'ferry-copy-src-'));
    mkdirSync(join(local, 'files'));
    writeFileSync(join(local, 'files', 'dropin.conf'), 'feature=on\n');
  });
  after(async () => {
    rmSync(local, { recursive: true, force: true });
    await m?.stop();
  });

  it('creates the file with its mode and owner, then has nothing left to do', async () => {
    const args = { dest: '/srv/app.conf', content: 'listen=:8080\n', mode: '0640', owner: 'ferryops' };
    const first = await runModule(copy, contextOf(m.root), args);
    expect(summaries(first.plan)).to.deep.equal(['create file /srv/app.conf (mode 0640, owner ferryops)']);
    expect(first.plan.result).to.deep.equal({ dest: '/srv/app.conf', checksum: sha('listen=:8080\n') });
    const st = statSync(m.host.pathOf('/srv/app.conf'));
    expect([st.mode & 0o7777, st.uid]).to.deep.equal([0o640, ops.uid]);
    expect(readFileSync(m.host.pathOf('/srv/app.conf'), 'utf8')).to.equal('listen=:8080\n');
    expect((await runModule(copy, contextOf(m.root), args)).plan.changes).to.deep.equal([]);
  });

  it("keeps an existing file's mode and owner when only its content is asked", async () => {
    const p = m.host.pathOf('/srv/kept');
    writeFileSync(p, 'old\n', { mode: 0o600 });
    chownSync(p, ops.uid, ops.gid);
    const res = await runModule(copy, contextOf(m.root), { dest: '/srv/kept', content: 'new\n' });
    expect(summaries(res.plan)).to.deep.equal(['update content of /srv/kept (4 → 4 bytes)']);
    const st = statSync(p);
    expect([st.mode & 0o7777, st.uid, st.gid, readFileSync(p, 'utf8')]).to.deep.equal([0o600, ops.uid, ops.gid, 'new\n']);
  });

  it('fixes mode alone without rewriting equal content', async () => {
    writeFileSync(m.host.pathOf('/srv/same'), 'same\n', { mode: 0o644 });
    const ino = statSync(m.host.pathOf('/srv/same')).ino;
    const host = counting(m.root);
    const res = await runModule(copy, contextOf(host), { dest: '/srv/same', content: 'same\n', mode: '0600' });
    expect(summaries(res.plan)).to.deep.equal(['mode 0644 → 0600']);
    expect(host.requests.some((r) => 'write' in r)).to.equal(false);
    const st = statSync(m.host.pathOf('/srv/same'));
    expect([st.ino, st.mode & 0o7777]).to.deep.equal([ino, 0o600]);
  });

  it('backs up the old file with its mode and owner, never overwriting an earlier backup', async () => {
    const p = m.host.pathOf('/srv/backed');
    writeFileSync(p, 'v1\n', { mode: 0o600 });
    chownSync(p, ops.uid, ops.gid);
    const one = await runModule(copy, contextOf(m.root), { dest: '/srv/backed', content: 'v2\n', backup: true });
    const two = await runModule(copy, contextOf(m.root), { dest: '/srv/backed', content: 'v3\n', backup: true });
    const b1 = String(one.applied?.result?.backup_file);
    const b2 = String(two.applied?.result?.backup_file);
    expect(b1).to.match(/^\/srv\/backed\.bak\.\d{8}T\d{6}Z$/);
    expect(b2).to.match(/^\/srv\/backed\.bak\.\d{8}T\d{6}Z(\.1)?$/);
    expect(b2).to.not.equal(b1);
    for (const [b, content] of [[b1, 'v1\n'], [b2, 'v2\n']]) {
      const st = statSync(m.host.pathOf(b));
      expect([readFileSync(m.host.pathOf(b), 'utf8'), st.mode & 0o7777, st.uid], b).to.deep.equal([content, 0o600, ops.uid]);
    }
    expect(readFileSync(p, 'utf8')).to.equal('v3\n');
  });

  it('in check mode shows the diff and changes nothing', async () => {
    writeFileSync(m.host.pathOf('/srv/diffed'), 'a=1\n');
    const before = await m.lab.hashTree(m.host.name);
    const res = await runModule(copy, contextOf(m.root, { check: true }), { dest: '/srv/diffed', content: 'a=2\n', backup: true, mode: '0600' });
    expect(res.plan.changes[0].diff).to.deep.equal({ path: '/srv/diffed', before: 'a=1\n', after: 'a=2\n' });
    expect(summaries(res.plan)).to.have.length(2);
    expect(await m.lab.hashTree(m.host.name)).to.equal(before);
  });

  it('never puts the content on any argv of the host', async () => {
    const secret = 'tok-7Hq2mZ0pXv-content-secret';
    writeFileSync(m.host.pathOf('/srv/api.key'), 'old-token\n', { mode: 0o600 });
    const trace = await m.lab.traceExecve(m.host.name);
    const conn = await m.fresh('ferryops');
    await runModule(copy, contextOf(conn.host, { become: true }), { dest: '/srv/api.key', content: `${secret}\n`, backup: true });
    await conn.close();
    const text = await trace.stop();
    expect(readFileSync(m.host.pathOf('/srv/api.key'), 'utf8')).to.equal(`${secret}\n`);
    expect(statSync(m.host.pathOf('/srv/api.key')).uid).to.equal(0);
    // The trace saw the probe, the backup and the write, as root through sudo.
    for (const program of ['sha256sum', 'base64', 'cp', 'mv', 'sudo']) expect(text).to.match(new RegExp(`execve\\("[^"]*/${program}"`));
    expect(text).not.to.include(secret);
  });

  it("reads src beside the playbook and puts it inside a directory dest under src's name", async () => {
    const ctx = contextOf(m.root, { baseDir: local });
    const into = await runModule(copy, ctx, { src: 'files/dropin.conf', dest: '/srv/conf.d/' });
    expect(summaries(into.plan)).to.deep.equal(['create directory /srv/conf.d/', 'create file /srv/conf.d/dropin.conf (mode 0644)']);
    expect(readFileSync(m.host.pathOf('/srv/conf.d/dropin.conf'), 'utf8')).to.equal('feature=on\n');
    const again = await runModule(copy, ctx, { src: 'files/dropin.conf', dest: '/srv/conf.d' });
    expect(again.plan.changes).to.deep.equal([]);
    expect(again.plan.result?.dest).to.equal('/srv/conf.d/dropin.conf');
    const missing = await runModule(copy, ctx, { src: 'files/nope.conf', dest: '/srv/' }).catch((e: unknown) => e);
    expect(missing).to.be.instanceOf(FerryError).with.property('code', 'FILE_NOT_FOUND');
  });

  it('writes through a symlinked dest, keeping the link', async () => {
    writeFileSync(m.host.pathOf('/srv/real.conf'), 'old\n');
    symlinkSync('real.conf', m.host.pathOf('/srv/link.conf'));
    await runModule(copy, contextOf(m.root), { dest: '/srv/link.conf', content: 'new\n' });
    expect(lstatSync(m.host.pathOf('/srv/link.conf')).isSymbolicLink()).to.equal(true);
    expect(readlinkSync(m.host.pathOf('/srv/link.conf'))).to.equal('real.conf');
    expect(readFileSync(m.host.pathOf('/srv/real.conf'), 'utf8')).to.equal('new\n');
  });

  it('takes dest as one literal name: nothing in it runs', async () => {
    mkdirSync(m.host.pathOf('/tmp/dir\nwith newline'));
    const names = ["/tmp/a b;touch pwned'$(touch pwned)`touch pwned`", '/tmp/dir\nwith newline/$HOME "x"'];
    for (const dest of names) {
      await runModule(copy, contextOf(m.root), { dest, content: 'ok\n', mode: '0600', backup: true });
      await runModule(copy, contextOf(m.root), { dest, content: 'ok2\n', backup: true });
      expect(readFileSync(m.host.pathOf(dest), 'utf8'), dest).to.equal('ok2\n');
    }
    expect(readdirSync(m.host.pathOf('/tmp')).filter((n) => n === 'pwned')).to.deep.equal([]);
    expect(existsSync(m.host.pathOf('/root/pwned'))).to.equal(false);
    expect(readdirSync(m.host.pathOf('/tmp/dir\nwith newline')).filter((n) => n.includes('.bak.'))).to.have.length(1);
  });

  it('needs become for a root-owned directory, and says so', async () => {
    const err = await runModule(copy, contextOf(m.ops), { dest: '/srv/by-ops.conf', content: 'x\n' }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(FerryError).with.property('code', 'REMOTE');
    expect((err as FerryError).hint).to.match(/become/);
    expect(existsSync(m.host.pathOf('/srv/by-ops.conf'))).to.equal(false);
  });
});
