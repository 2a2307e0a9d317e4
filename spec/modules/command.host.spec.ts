import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { command } from '../../lib/modules/command.js';
import { contextOf, counting, runModule, startModuleLab, summaries, type ModuleLab } from './labHosts.js';

describe('command on a real host', function () {
  let m: ModuleLab;
  before(async () => {
    m = await startModuleLab({ '/srv/present': 'x\n' });
  });
  after(async () => m?.stop());

  it('runs and registers rc, stdout, stderr and their lines', async () => {
    const { plan, applied } = await runModule(command, contextOf(m.root), { argv: ['sh', '-c', 'echo one; echo two; echo err >&2'] });
    expect(summaries(plan)).to.deep.equal([`run: sh -c 'echo one; echo two; echo err >&2'`]);
    expect(applied?.failed).to.equal(undefined);
    expect(applied?.result).to.deep.include({ rc: 0, stdout: 'one\ntwo', stderr: 'err', stdout_lines: ['one', 'two'], stderr_lines: ['err'] });
    expect(applied?.result?.cmd).to.deep.equal(['sh', '-c', 'echo one; echo two; echo err >&2']);
  });

  it('fails with "non-zero return code" and keeps the output', async () => {
    const { applied } = await runModule(command, contextOf(m.root), { cmd: 'ls /srv/missing-dir' });
    expect(applied).to.deep.include({ failed: true, msg: 'non-zero return code' });
    expect(applied?.result?.rc).to.equal(2);
    expect(applied?.result?.stderr).to.match(/No such file/);
  });

  it('passes $, |, ;, backticks and $() to the program as plain words', async () => {
    const { applied } = await runModule(command, contextOf(m.root), { cmd: 'echo $HOME | touch pwned; `touch pwned` $(touch pwned)' });
    expect(applied?.result?.stdout).to.equal('$HOME | touch pwned; `touch pwned` $(touch pwned)');
    expect(existsSync(m.host.pathOf('/root/pwned'))).to.equal(false);
  });

  it('gives an argv word with spaces and shell syntax to the program as one file name', async () => {
    const { applied } = await runModule(command, contextOf(m.root), { argv: ['touch', "a b;touch pwned'$(id)"], chdir: '/tmp' });
    expect(applied?.failed).to.equal(undefined);
    expect(readdirSync(m.host.pathOf('/tmp'))).to.deep.equal(["a b;touch pwned'$(id)"]);
  });

  it('skips on creates/removes in one probe round trip, and probes nothing without them', async () => {
    const host = counting(m.root);
    const skip = await runModule(command, contextOf(host), { cmd: 'touch /srv/never', creates: '/srv/present' });
    expect(skip.plan.msg).to.equal('skipped, since /srv/present exists');
    const skip2 = await runModule(command, contextOf(host), { cmd: 'touch /srv/never', removes: 'gone;touch pwned', chdir: '/srv' });
    expect(skip2.plan.msg).to.equal('skipped, since gone;touch pwned does not exist');
    expect(host.requests).to.have.length(2);
    expect(existsSync(m.host.pathOf('/srv/never'))).to.equal(false);
    const plain = counting(m.root);
    const planned = command.plan(await command.probe(contextOf(plain, { check: true }), { cmd: 'true' }), { cmd: 'true' });
    expect(summaries(planned)).to.deep.equal(['run: true']);
    expect(plain.requests).to.have.length(0);
  });

  it('runs once with creates, then reports ok: the second run is skipped', async () => {
    const args = { cmd: 'touch created', chdir: '/srv', creates: 'created' };
    const first = await runModule(command, contextOf(m.root), args);
    expect(first.applied?.result?.rc).to.equal(0);
    const second = await runModule(command, contextOf(m.root), args);
    expect(second.plan.changes).to.deep.equal([]);
    expect(second.plan.msg).to.equal('skipped, since created exists');
  });

  it('in check mode reports the run and changes nothing', async () => {
    const before = await m.lab.hashTree(m.host.name);
    const res = await runModule(command, contextOf(m.root, { check: true }), { cmd: 'touch /srv/check-made', creates: '/srv/check-made' });
    expect(summaries(res.plan)).to.deep.equal(['run: touch /srv/check-made']);
    expect(res.applied).to.equal(undefined);
    expect(await m.lab.hashTree(m.host.name)).to.equal(before);
  });

  it('feeds stdin without it ever reaching an argv on the host', async () => {
    const secret = 'stdin-s3cret-9f2KqW';
    const trace = await m.lab.traceExecve(m.host.name);
    const conn = await m.fresh('root');
    const { applied } = await runModule(command, contextOf(conn.host), { argv: ['tee', '/srv/from-stdin'], stdin: secret });
    await conn.close();
    const text = await trace.stop();
    expect(applied?.result?.stdout).to.equal(secret);
    expect(readFileSync(m.host.pathOf('/srv/from-stdin'), 'utf8')).to.equal(`${secret}\n`);
    expect(text).to.match(/execve\("[^"]*tee"/);
    expect(text).not.to.include(secret);
  });

  it('runs as root with become, as the login user without', async () => {
    const plain = await runModule(command, contextOf(m.ops), { cmd: 'id -un' });
    const become = await runModule(command, contextOf(m.ops, { become: true }), { cmd: 'id -un' });
    expect([plain.applied?.result?.stdout, become.applied?.result?.stdout]).to.deep.equal(['ferryops', 'root']);
  });
});
