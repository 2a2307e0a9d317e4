import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { shell } from '../../lib/modules/shell.js';
import { contextOf, runModule, startModuleLab, summaries, type ModuleLab } from './labHosts.js';

describe('shell on a real host', function () {
  let m: ModuleLab;
  before(async () => {
    m = await startModuleLab();
  });
  after(async () => m?.stop());

  it('runs pipes, redirections and expansions through /bin/sh', async () => {
    const { applied } = await runModule(shell, contextOf(m.root), { cmd: 'printf "b\\na\\n" | sort > /srv/sorted; echo "$((6*7))"; cat /srv/sorted' });
    expect(applied?.result).to.deep.include({ rc: 0, stdout: '42\na\nb', stdout_lines: ['42', 'a', 'b'] });
    expect(readFileSync(m.host.pathOf('/srv/sorted'), 'utf8')).to.equal('a\nb\n');
  });

  it('registers the command line as a string, and fails on a non-zero exit', async () => {
    const { applied } = await runModule(shell, contextOf(m.root), { cmd: 'echo out; exit 3' });
    expect(applied).to.deep.include({ failed: true, msg: 'non-zero return code' });
    expect(applied?.result).to.deep.include({ rc: 3, stdout: 'out', cmd: 'echo out; exit 3' });
  });

  it('runs in chdir, with the executable asked, stdin on stdin', async () => {
    mkdirSync(m.host.pathOf("/srv/it's here"));
    const { applied } = await runModule(shell, contextOf(m.root), {
      cmd: 'echo "$0 $(pwd) $(cat)"',
      chdir: "/srv/it's here",
      executable: '/bin/bash',
      stdin: 'fed',
    });
    expect(applied?.result?.stdout).to.equal("/bin/bash /srv/it's here fed");
  });

  it('skips with creates once the file exists, and check mode changes nothing', async () => {
    const args = { cmd: 'date > /srv/stamp', creates: '/srv/stamp' };
    const before = await m.lab.hashTree(m.host.name);
    const check = await runModule(shell, contextOf(m.root, { check: true }), args);
    expect(summaries(check.plan)).to.deep.equal(['run: date > /srv/stamp']);
    expect(await m.lab.hashTree(m.host.name)).to.equal(before);
    expect(existsSync(m.host.pathOf('/srv/stamp'))).to.equal(false);
    await runModule(shell, contextOf(m.root), args);
    const again = await runModule(shell, contextOf(m.root), args);
    expect(again.plan).to.deep.include({ changes: [], msg: 'skipped, since /srv/stamp exists' });
  });
});
