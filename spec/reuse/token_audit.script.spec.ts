import { expect } from 'chai';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { auditScript } from '../../lib/modules/token_audit/auditScript.js';
import { globWord } from '../../lib/modules/token_audit/globWord.js';
import { parseAudit } from '../../lib/modules/token_audit/parseAudit.js';
import { tokenAuditPlan } from '../../lib/modules/token_audit/tokenAuditPlan.js';
import type { AuditFacts, AuditTarget } from '../../lib/modules/token_audit/tokenAuditTypes.js';
import type { ExecResult } from '../../lib/transport/types.js';
import { localSh } from '../modules/localSh.js';

/** Runs the audit script with this machine's sh (optionally as another user), the fingerprint on stdin as a host gets it. */
const sh = (script: string, stdin: string, asUser?: string): Promise<ExecResult> => localSh(script, stdin, asUser);

const hex40 = () => randomBytes(20).toString('hex');

describe('token_audit: the host script on a planted tree', () => {
  let root: string;
  const token = hex40();
  const other = hex40();
  const l8 = token.slice(-8);
  const put = (p: string, text: string, mode = 0o644) => {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
    chmodSync(join(root, p), mode);
  };
  const at = (p: string) => join(root, p);

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ferry-audit-'));
    chmodSync(root, 0o755);
    put('etc/app/secrets/real.env', `A=1\nGITEA_TOKEN=${token}\nOTHER=${other}\n`);
    symlinkSync(at('etc/app/secrets/real.env'), at('etc/app/all.env'));
    put('etc/systemd/system/poll.service.d/token.conf', `[Service]\nEnvironment=GITEA_TOKEN=${token}\n`);
    put('opt/ops/poll.sh', `#!/bin/sh\n. ${at('etc/app/all.env')}\ncurl x\n`, 0o755);
    put('opt/ops/direct.sh', `#!/bin/sh\n\nT="${token}"\n`, 0o755);
    put('opt/ops/longer.sh', `X=ff${token}\nY=${token}ff\n`);
    put('home/alice/.gitea-token', `${token}\n`);
    put('home/bob/.profile', `export PATH\n`);
    put('crons/poll', `SHELL=/bin/sh\n*/5 * * * * root ${at('opt/ops/poll.sh')} >> ${at('etc/app/all.env.log')} 2>&1\n`);
    put('crons/direct', `# run it\n*/5 * * * * root "${at('opt/ops/direct.sh')}"\n`);
    put('crons/unrelated', `*/5 * * * * root /bin/true >> ${at('opt/ops/poll.sh')}\n`);
    put('locked/secret', `${token}\n`, 0o600);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const paths = () => [at('etc'), at('opt'), at('home/*'), at('missing')];
  const audit = async (target: AuditTarget, stdin = '', searched = paths(), asUser?: string): Promise<AuditFacts> => {
    const res = await sh(auditScript(target, searched, [at('crons')]), stdin, asUser);
    expect(res.rc, res.stderr).to.equal(0);
    const facts = parseAudit('op1', target, res.stdout);
    expect(facts, res.stdout).to.not.equal(undefined);
    return JSON.parse(JSON.stringify(facts).replaceAll(root, '')) as AuditFacts;
  };
  const wheres = (f: AuditFacts) => f.findings.map((x) => x.where);
  const EXPECTED = ['op1:/etc/app/secrets/real.env:2', 'op1:/etc/systemd/system/poll.service.d/token.conf:2', 'op1:/home/alice/.gitea-token:1', 'op1:/opt/ops/direct.sh:3'];
  const READERS = [
    { host: 'op1', cron_file: '/crons/direct', line: 2, reads: '/opt/ops/direct.sh' },
    { host: 'op1', cron_file: '/crons/poll', line: 2, via: '/opt/ops/poll.sh', reads: '/etc/app/all.env' },
  ];

  it('by last eight: every copy by host:path:line (not a longer hex word), the crons that read them, the searched roots', async () => {
    const facts = await audit({ mode: 'last_eight', lastEights: [l8] });
    expect(wheres(facts)).to.deep.equal(EXPECTED);
    expect(facts.findings.every((f) => f.last_eight === l8)).to.equal(true);
    expect(facts.readers).to.deep.equal(READERS);
    expect(facts.searched).to.deep.equal(['/etc', '/opt', '/home/alice', '/home/bob']);
    expect([facts.complete, facts.unreadable]).to.deep.equal([true, []]);
  });

  it('by SHA-256 on stdin: the same findings, and the last eight of the token it matched', async () => {
    const sha = createHash('sha256').update(token).digest('hex');
    const facts = await audit({ mode: 'sha256', sha256: sha }, `${sha}\n`);
    expect(wheres(facts)).to.deep.equal(EXPECTED);
    expect(facts.last_eights).to.deep.equal([l8]);
    expect(facts.readers).to.deep.equal(READERS);
  });

  it('several last eights at once, each finding saying which', async () => {
    const facts = await audit({ mode: 'last_eight', lastEights: [l8, other.slice(-8)] });
    expect(facts.findings.filter((f) => f.last_eight === other.slice(-8)).map((f) => f.where)).to.deep.equal(['op1:/etc/app/secrets/real.env:3']);
    expect(facts.findings).to.have.length(EXPECTED.length + 1);
  });

  // [title, target, stdin]
  const nothing: Array<[string, AuditTarget, string]> = [
    ['an unknown last eight', { mode: 'last_eight', lastEights: ['00000000'] }, ''],
    ['an unknown fingerprint', { mode: 'sha256', sha256: createHash('sha256').update(hex40()).digest('hex') }, ''],
  ];
  for (const [title, target, stdin] of nothing) {
    it(`${title}: no finding and no reader`, async () => {
      const facts = await audit(target, stdin || (target.mode === 'sha256' ? `${target.sha256}\n` : ''));
      expect([facts.findings, facts.readers]).to.deep.equal([[], []]);
    });
  }

  it('no searched path exists: nothing searched, nothing found, still complete', async () => {
    const facts = await audit({ mode: 'last_eight', lastEights: [l8] }, '', [at('nowhere'), at('nor/*')]);
    expect([facts.searched, facts.findings, facts.complete]).to.deep.equal([[], [], true]);
  });

  it('a path the user cannot read makes the audit incomplete, and is named', async () => {
    const facts = await audit({ mode: 'last_eight', lastEights: [l8] }, '', [at('locked'), at('opt')], 'ferryops');
    expect(facts.complete).to.equal(false);
    expect(facts.unreadable).to.deep.equal(['/locked/secret']);
    expect(wheres(facts)).to.deep.equal(['op1:/opt/ops/direct.sh:3']);
  });

  it('the script never holds the token or its fingerprint: the fingerprint travels on stdin', () => {
    const sha = createHash('sha256').update(token).digest('hex');
    for (const target of [{ mode: 'last_eight', lastEights: [l8] }, { mode: 'sha256', sha256: sha }] as AuditTarget[]) {
      const script = auditScript(target, paths(), [at('crons')]);
      expect(script).not.to.include(token);
      expect(script).not.to.include(sha);
    }
  });

  it('output cut short (no closing `done`) is no result', () => {
    expect(parseAudit('op1', { mode: 'last_eight', lastEights: [l8] }, `root\tL2V0Yw==\nhit\tL2V0Yw==\t3\t${l8}\n`)).to.equal(undefined);
  });

  // [path, shell word]
  const words: Array<[string, string]> = [
    ['/etc', "'/etc'"],
    ['/home/*', "'/home/'*"],
    ["/srv/it's here/*/x?", "'/srv/it'\\''s here/'*'/x'?"],
    ['/a/$HOME/`id`', "'/a/$HOME/`id`'"],
  ];
  for (const [path, word] of words) it(`globWord(${path}) is ${word}`, () => expect(globWord(path)).to.equal(word));

  it('the message lists host:path:line with the last eight, the cron readers, and an incomplete audit', () => {
    const facts: AuditFacts = {
      host: 'op1', mode: 'last_eight', last_eights: [l8], searched: ['/etc'], complete: false, unreadable: ['/root/x'],
      findings: [{ host: 'op1', path: '/etc/a.env', line: 4, last_eight: l8, where: 'op1:/etc/a.env:4' }],
      readers: [{ host: 'op1', cron_file: '/etc/cron.d/poll', line: 3, via: '/opt/poll.sh', reads: '/etc/a.env' }],
    };
    expect(tokenAuditPlan(facts).msg).to.equal([
      `…${l8} found in 1 place:`,
      `  op1:/etc/a.env:4 (…${l8})`,
      'read by cron:',
      '  /etc/cron.d/poll:3 via /opt/poll.sh reads /etc/a.env',
      'incomplete: 1 path(s) could not be read: /root/x (run with become: true)',
    ].join('\n'));
    expect(tokenAuditPlan({ ...facts, findings: [], readers: [], complete: true, unreadable: [] }).msg).to.equal(`…${l8}: no copy under /etc`);
  });
});
