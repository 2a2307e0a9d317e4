import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ADMIN, startGiteaDouble, type GiteaDouble } from '../support/gitea/index.js';
import { startLab, systemSsh, type Lab } from '../support/lab/index.js';
import { argvOf } from '../support/argvOf.js';
import { readReport, runFerry } from '../support/runFerry.js';
import { CONSUMER_CRONS, ENV_FILE, envFileText, plantSeedLayout, type EnvStyle } from '../support/seedLayout.js';

const PLAYBOOK = 'playbooks/rotate-ops-persona.yml';
const STYLES: EnvStyle[] = ['plain', 'crlf-export-duplicate', 'symlink-0640'];
const TOKEN_FILE = '/etc/molecule-bootstrap/personas/ops-automation/token';
const REAL_ENV = ['/etc/molecule-bootstrap/all-credentials.env', '/etc/molecule-bootstrap/all-credentials.env', '/etc/molecule-bootstrap/secrets/credentials.env'];

describe('persona rotation end to end: playbooks/rotate-ops-persona.yml', function () {
  this.timeout(120_000);
  let lab: Lab;
  let gitea: GiteaDouble;
  let oldToken: string;
  let work: string;
  let inventory: string;

  before(async () => {
    gitea = await startGiteaDouble({ orgs: [{ name: 'molecule-ai', teams: ['ops'] }] });
    gitea.seedUser({ login: 'hongming', password: 'founder-password-9' });
    oldToken = gitea.seedToken('hongming', 'ceo-delegated', ['all']);
    gitea.revokeToken(oldToken);
    lab = await startLab({ count: 3 });
    const gid = Number(execFileSync('id', ['-g', 'ferryops'], { encoding: 'utf8' }).trim());
    plantSeedLayout(lab, gitea.url, oldToken, STYLES, gid);
    inventory = lab.writeInventory({ groups: { operator_hosts: lab.hosts.map((h) => h.name) } });
    work = mkdtempSync(join(tmpdir(), 'ferry-rotation-'));
  });
  after(async () => {
    await lab?.stop();
    await gitea?.stop();
  });

  const env = { GITEA_ADMIN_USER: DEFAULT_ADMIN.user, GITEA_ADMIN_PASSWORD: DEFAULT_ADMIN.password };
  const rotate = (name: string, ...extra: string[]) =>
    runFerry(['run', PLAYBOOK, '-i', inventory, '--known-hosts', lab.knownHostsFile, '-e', `gitea_url=${gitea.url}`, '--report', join(work, `${name}.json`), ...extra], { env });
  const cronRuns = (name: string) =>
    Promise.all(CONSUMER_CRONS.map((c) => systemSsh(lab, lab.hosts.find((h) => h.name === name)!, 'root', `/opt/operator-config/ops/${c}.sh`)));
  const secretsInPlay = () => [oldToken, DEFAULT_ADMIN.password, ...lab.hosts.map((h) => readTokenOf(h.name)).filter(Boolean)];
  const readTokenOf = (name: string): string => {
    try {
      return readFileSync(lab.hosts.find((h) => h.name === name)!.pathOf(TOKEN_FILE), 'utf8').trim();
    } catch {
      return '';
    }
  };

  it('starts where the seed did: GITEA_TOKEN is revoked and every consumer fails with 401', async () => {
    for (const h of lab.hosts) {
      for (const r of await cronRuns(h.name)) {
        expect(r.rc).to.equal(1);
        expect(r.stderr).to.include('HTTP 401');
      }
    }
  });

  it('--check --diff changes nothing on any host or in Gitea, and lists what would change, masked', async () => {
    const before = await Promise.all(lab.hosts.map((h) => lab.hashTree(h.name)));
    const users = JSON.stringify(gitea.users());
    const requestsBefore = gitea.requests.length;
    const res = await rotate('check', '--check', '--diff');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(await Promise.all(lab.hosts.map((h) => lab.hashTree(h.name)))).to.deep.equal(before);
    expect(JSON.stringify(gitea.users())).to.equal(users);
    const writes = gitea.requests.slice(requestsBefore).filter((r) => r.method !== 'GET');
    expect(writes, 'no write reached Gitea').to.deep.equal([]);
    expect(res.stdout).to.include('[CHECK MODE]');
    expect(res.stdout).to.match(/create Gitea user ops-automation/i);
    expect(res.stdout).to.include(`+++ after: ${ENV_FILE}`);
    expect(res.stdout).to.match(/^\+GITEA_TOKEN=\*{4}/m);
    for (const s of [oldToken, DEFAULT_ADMIN.password]) expect(res.stdout + res.stderr).not.to.include(s);
    const report = readReport(join(work, 'check.json'));
    for (const h of lab.hosts) {
      expect(report.hosts[h.name].failed, h.name).to.equal(0);
      const status = (module: string) => report.hosts[h.name].tasks.find((t: any) => t.module === module)?.status;
      // The token and the identity depend on a persona not created in check mode: pending, never a false failure.
      // The cron jobs are verifications with effects: not run, so not reported as ok.
      expect([status('token_file'), status('env_line'), status('cron_script'), status('assert_identity')], h.name).to.deep.equal([
        'pending',
        'changed',
        'skipped',
        'pending',
      ]);
    }
  });

  it('rotates for real: own 0600 token per host, consumers green, identity asserted, other bytes kept, backup kept', async () => {
    const traces = await Promise.all(lab.hosts.map((h) => lab.traceExecve(h.name)));
    const res = await rotate('real', '--diff');
    const texts = await Promise.all(traces.map((t) => t.stop()));
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(texts.every((t) => argvOf(t).some((a) => a.includes('"curl"'))), 'the trace saw the consumers run').to.equal(true);
    const tokens = new Set<string>();
    for (const [i, h] of lab.hosts.entries()) {
      const tokenPath = h.pathOf(TOKEN_FILE);
      const token = readFileSync(tokenPath, 'utf8').trim();
      expect(token).to.match(/^[0-9a-f]{40}$/);
      tokens.add(token);
      const st = statSync(tokenPath);
      expect([st.mode & 0o777, st.uid]).to.deep.equal([0o600, 0]);
      for (const r of await cronRuns(h.name)) expect(r.rc, r.stderr).to.equal(0);
      // Every other byte of the env file is as it was; only GITEA_TOKEN lines (and the comment above) changed.
      const after = readFileSync(h.pathOf(REAL_ENV[i]), 'utf8');
      const original = envFileText(STYLES[i], gitea.url, oldToken);
      const strip = (t: string) => t.split(/(?<=\n)/).filter((l) => !/GITEA_TOKEN=|ops-automation persona token/.test(l)).join('');
      expect(strip(after)).to.equal(strip(original));
      expect(after).to.include('GITEA_TOKEN=$(cat /etc/molecule-bootstrap/personas/ops-automation/token)');
      expect(after.match(/GITEA_TOKEN=/g)).to.have.length(1);
      // The backup (<path>.bak.<UTC>, beside the path the task names) holds the original bytes with the original's mode.
      const dir = h.pathOf('/etc/molecule-bootstrap');
      const backups = readdirSync(dir).filter((f) => /\.bak\.\d{8}T\d{6}Z/.test(f));
      expect(backups, h.name).to.have.length(1);
      expect(readFileSync(join(dir, backups[0]), 'utf8')).to.equal(original);
      expect(statSync(join(dir, backups[0])).mode & 0o777).to.equal(i === 2 ? 0o640 : 0o600);
      if (i === 2) expect(statSync(h.pathOf(REAL_ENV[2])).gid).to.not.equal(0);
    }
    expect(tokens.size, 'one token per host').to.equal(lab.hosts.length);
    expect(gitea.users().find((u) => u.login === 'ops-automation')).to.deep.include({ must_change_password: false, teams: ['molecule-ai/ops'] });
    const report = readFileSync(join(work, 'real.json'), 'utf8');
    for (const s of secretsInPlay()) {
      expect(res.stdout + res.stderr, 'console').not.to.include(s);
      expect(report, 'report').not.to.include(s);
      for (const t of texts) expect(argvOf(t).find((a) => a.includes(s)), 'argv on a host').to.equal(undefined);
    }
    expect(res.stdout).to.match(/authenticated as ops-automation/);
  });

  it('runs a second time with changed=0 everywhere and mints no token', async () => {
    const tokensBefore = gitea.tokens('ops-automation').length;
    const res = await rotate('second');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    const report = readReport(join(work, 'second.json'));
    for (const h of lab.hosts) {
      expect(report.hosts[h.name].changed, h.name).to.equal(0);
      expect(report.hosts[h.name].failed, h.name).to.equal(0);
    }
    expect(res.stdout).not.to.match(/changed=[1-9]/);
    expect(gitea.tokens('ops-automation')).to.have.length(tokensBefore);
  });

  it('detects a stored token revoked in Gitea and replaces it on that host only', async () => {
    const [h1, h2] = lab.hosts;
    const revoked = readTokenOf(h2.name);
    const untouched = readTokenOf(h1.name);
    gitea.revokeToken(revoked);
    const res = await rotate('revoked');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(readTokenOf(h2.name)).to.match(/^[0-9a-f]{40}$/);
    expect(readTokenOf(h2.name)).to.not.equal(revoked);
    expect(readTokenOf(h1.name)).to.equal(untouched);
    const report = readReport(join(work, 'revoked.json'));
    const tokenTask = (h: string) => report.hosts[h].tasks.find((t: any) => t.module === 'token_file');
    expect(tokenTask(h2.name).status).to.equal('changed');
    expect(tokenTask(h1.name).status).to.equal('ok');
    expect(res.stdout + readFileSync(join(work, 'revoked.json'), 'utf8')).not.to.include(revoked);
  });
});
