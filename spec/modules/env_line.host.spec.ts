import { expect } from 'chai';
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { envLine } from '../../lib/modules/env_line/envLine.js';
import { accountIds } from '../support/lab/hostTrees.js';
import { LAB_USER } from '../support/lab/index.js';
import { startModuleLab, type ModuleLab } from './hostModuleLab.js';

const DIR = '/etc/molecule-bootstrap';
const LINK = `${DIR}/all-credentials.env`;
const REAL = `${DIR}/credentials.d/all.env`;
const OLD_TOKEN = 'gta_revoked_3560785f_0000000000000000';
const TOKEN = 'gta_persona_ops_automation_687797fc_a1b2c3d4';
const ORIGINAL = [
  '# operator host credentials',
  'export GITEA_URL="https://git.example"',
  `GITEA_TOKEN=${OLD_TOKEN}`,
  "RAILWAY_TOKEN='rw-unrelated'",
  `export GITEA_TOKEN=${OLD_TOKEN}`,
  'CF_API=cf-unrelated',
].join('\n');

describe('env_line on real hosts', function () {
  let ml: ModuleLab;
  const ops = accountIds(LAB_USER);
  const local = (remote: string) => ml.hostOf().pathOf(remote);

  before(async function () {
    ml = await startModuleLab(2);
    for (const host of ml.lab.hosts) {
      const real = host.pathOf(REAL);
      mkdirSync(path.dirname(real), { recursive: true });
      writeFileSync(real, ORIGINAL);
      chownSync(real, 0, ops.gid);
      chmodSync(real, 0o640);
      symlinkSync('credentials.d/all.env', host.pathOf(LINK));
    }
  });
  after(async () => ml?.stop());

  const args = { path: LINK, key: 'GITEA_TOKEN', value: TOKEN, backup: true, comment: 'ops-automation persona' };

  it('check mode plans the change, shows only fingerprints, and changes nothing', async () => {
    const before = await ml.lab.hashTree('host1');
    const out = await ml.run(envLine, args, { user: LAB_USER, become: true, check: true });
    expect(out.status).to.equal('changed');
    const diff = out.plan?.changes[0].diff;
    expect(diff?.before).to.include(`GITEA_TOKEN=****${OLD_TOKEN.slice(-4)}`);
    expect(diff?.after).to.include(`GITEA_TOKEN=****${TOKEN.slice(-4)}`);
    expect(JSON.stringify(out)).to.not.include(TOKEN).and.not.include(OLD_TOKEN);
    expect(await ml.lab.hashTree('host1')).to.equal(before);
  });

  it('rewrites through the symlink: link, mode and group kept, backup with the original bytes and mode, value never in an argv', async () => {
    const trace = await ml.lab.traceExecve('host1');
    const out = await ml.run(envLine, args, { user: LAB_USER, become: true });
    const traced = await trace.stop();
    expect(out.status, out.msg).to.equal('changed');

    expect(lstatSync(local(LINK)).isSymbolicLink()).to.equal(true);
    expect(readlinkSync(local(LINK))).to.equal('credentials.d/all.env');
    const st = statSync(local(REAL));
    expect(st.mode & 0o7777).to.equal(0o640);
    expect([st.uid, st.gid]).to.deep.equal([0, ops.gid]);
    expect(readFileSync(local(REAL), 'utf8')).to.equal(
      [
        '# operator host credentials',
        'export GITEA_URL="https://git.example"',
        '# ops-automation persona',
        `GITEA_TOKEN=${TOKEN}`,
        "RAILWAY_TOKEN='rw-unrelated'",
        'CF_API=cf-unrelated',
      ].join('\n'),
    );

    const backupFile = String(out.result.backup_file);
    expect(backupFile).to.match(/^\/etc\/molecule-bootstrap\/all-credentials\.env\.bak\.\d{8}T\d{6}Z$/);
    const backup = local(backupFile);
    expect(readFileSync(backup, 'utf8')).to.equal(ORIGINAL);
    const bst = statSync(backup);
    expect(bst.mode & 0o7777).to.equal(0o640);
    expect([bst.uid, bst.gid]).to.deep.equal([0, ops.gid]);

    // The trace saw the run (sudo, the probe's readlink, the write's mktemp), the token in none of it.
    for (const seen of ['"sudo"', '"readlink"', '"mktemp"', '"cp"']) expect(traced).to.include(seen);
    expect(traced).to.not.include(TOKEN);
    expect(traced).to.not.include(TOKEN.slice(4, 20));
  });

  it('plans nothing on the second run', async () => {
    const before = await ml.lab.hashTree('host1');
    const out = await ml.run(envLine, args, { user: LAB_USER, become: true });
    expect(out.status).to.equal('ok');
    expect(out.plan?.changes).to.deep.equal([]);
    expect(await ml.lab.hashTree('host1')).to.equal(before);
  });

  it('leaves the other host alone', () => {
    expect(readFileSync(ml.hostOf('host2').pathOf(REAL), 'utf8')).to.equal(ORIGINAL);
  });

  it('keeps a CRLF file CRLF and a missing final newline missing', async () => {
    const file = '/etc/molecule-bootstrap/crlf.env';
    writeFileSync(ml.hostOf('host2').pathOf(file), 'A=1\r\nGITEA_TOKEN="old"\r\nB=2');
    const out = await ml.run(envLine, { path: file, key: 'GITEA_TOKEN', value: TOKEN }, { host: 'host2' });
    expect(out.status, out.msg).to.equal('changed');
    expect(readFileSync(ml.hostOf('host2').pathOf(file), 'utf8')).to.equal(`A=1\r\nGITEA_TOKEN=${TOKEN}\r\nB=2`);
  });

  it('refuses a missing file unless create is set, then creates it 0600', async () => {
    const file = '/etc/molecule-bootstrap/new.env';
    const refused = await ml.run(envLine, { path: file, key: 'K', value: 'v1' }, { host: 'host2' }).catch((e: Error) => e);
    expect(String(refused instanceof Error ? refused.message : '')).to.include('does not exist (set create: true to create it)');
    const out = await ml.run(envLine, { path: file, key: 'K', value: 'v1', create: true, group: LAB_USER }, { host: 'host2' });
    expect(out.status, out.msg).to.equal('changed');
    const st = statSync(ml.hostOf('host2').pathOf(file));
    expect(st.mode & 0o7777).to.equal(0o600);
    expect(st.gid).to.equal(ops.gid);
    expect(readFileSync(ml.hostOf('host2').pathOf(file), 'utf8')).to.equal('K=v1\n');
    expect(readdirSync(ml.hostOf('host2').pathOf(DIR)).filter((n) => n.startsWith('.ferry'))).to.deep.equal([]);
  });
});
