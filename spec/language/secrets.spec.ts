import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAYBOOKS, startLanguageLab, statusOf, type LanguageLab } from './languageLab.js';

const TOKEN = 'tok-9f8e7d6c5b4a3210-spec';
const PASSWORD = 'pw-Zx81-never-shown';

describe('language: secrets from the environment and from a file', function () {
  let ll: LanguageLab;
  let playbook: string;
  before(async () => {
    ll = await startLanguageLab();
    // The secret file sits beside the playbook, as secrets' relative paths say; both live in a fresh directory.
    const dir = mkdtempSync(join(ll.work, 'secrets-'));
    playbook = join(dir, 'secrets.yml');
    copyFileSync(join(PLAYBOOKS, 'secrets.yml'), playbook);
    writeFileSync(join(dir, 'db-password.txt'), `${PASSWORD}\n`, { mode: 0o600 });
  });
  after(async () => ll.stop());

  const env = { FERRY_SPEC_API_TOKEN: TOKEN };

  it('masks both in console, diff and report in check mode, and changes nothing', async () => {
    const before = await ll.lab.hashTree('host1');
    const res = await ll.run(playbook, ['--check', '--diff', '-vvv'], env);
    expect(res.code, res.all).to.equal(0);
    expect(await ll.lab.hashTree('host1')).to.equal(before);
    expect(res.stdout).to.include('+++ after: /etc/ferry-app/token');
    expect(res.stdout).to.include('token=******** password=********');
    for (const secret of [TOKEN, PASSWORD]) {
      expect(res.all).not.to.include(secret);
      expect(JSON.stringify(res.report)).not.to.include(secret);
    }
  });

  it('hands them to tasks (never in any argv on the host), and masks them everywhere, output read back included', async () => {
    const trace = await ll.lab.traceExecve('host2');
    const res = await ll.run(playbook, ['--diff', '-vvv'], env);
    const argv = await trace.stop();
    expect(res.code, res.all).to.equal(0);
    for (const h of ll.lab.hosts) {
      expect(readFileSync(h.pathOf('/etc/ferry-app/token'), 'utf8'), h.name).to.equal(`${TOKEN}\n`);
      expect(readFileSync(h.pathOf('/etc/ferry-app/db.pw'), 'utf8'), h.name).to.equal(`${PASSWORD}\n`);
    }
    expect(res.stdout).to.include('read=********');
    expect(res.stdout).to.include('refusing ********');
    expect(statusOf(res.report, 'A failure that quotes the secret').host1).to.equal('failed');
    expect(argv).to.match(/execve\(/);
    for (const secret of [TOKEN, PASSWORD]) {
      expect(res.all, 'console').not.to.include(secret);
      expect(JSON.stringify(res.report), 'report').not.to.include(secret);
      expect(argv, 'argv on host2').not.to.include(secret);
    }
  });
});
