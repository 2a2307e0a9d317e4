import { expect } from 'chai';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';
import { startLab, type Lab } from '../support/lab/index.js';
import { readReport, runFerry } from '../support/runFerry.js';
import { callApi } from '../support/gitea/callApi.js';
import { ADMIN, ORG, PERSONA } from './personaLab.js';

const ENV = '/etc/molecule-bootstrap/all-credentials.env';
const TOKEN = `/etc/molecule-bootstrap/personas/${PERSONA}/token`;
const CRONS = ['molecule-deploy-poll', 'molecule-gitea-actions-auto-heal', 'molecule-persona-rotate', 'molecule-r2-gitea-backup', 'sop6-drift-check'];
/** A consumer like the operators' scripts: sources the env file, asks Gitea with the token, fails on any error. */
const CONSUMER = `#!/bin/sh
set -e
. ${ENV}
printf 'Authorization: token %s\\n' "$GITEA_TOKEN" | curl -sf -H @- "$GITEA_URL/api/v1/user" >/dev/null
`;

describe('playbooks/rotate-ops-persona.yml on two operator hosts with the Gitea double', function () {
  let lab: Lab;
  let double: GiteaDouble;
  let founder: string;
  let work: string;
  let inventory: string;

  before(async () => {
    double = await startGiteaDouble({ admin: ADMIN, orgs: [{ name: ORG, teams: ['ops'] }] });
    double.seedUser({ login: 'hongming' });
    founder = double.seedToken('hongming', 'hongming-ceo-delegated', ['all']);
    const files: Record<string, string> = {
      [ENV]: `GITEA_URL=${double.url}\nGITEA_TOKEN=${founder}\nRAILWAY_PROJECT=cp\n`,
      '/opt/operator-config/ops/consumer.sh': CONSUMER,
    };
    for (const c of CRONS) files[`/etc/cron.d/${c}`] = `SHELL=/bin/sh\n*/5 * * * * root sh /opt/operator-config/ops/consumer.sh\n`;
    lab = await startLab({ count: 2, files });
    for (const h of lab.hosts) chmodSync(h.pathOf(ENV), 0o600);
    inventory = lab.writeInventory({ groups: { operator_hosts: lab.hosts.map((h) => h.name) } });
    work = mkdtempSync(join(tmpdir(), 'ferry-rotate-'));
  });
  after(async () => {
    await lab?.stop();
    await double?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const run = (report: string, ...extra: string[]) =>
    runFerry(
      ['run', 'playbooks/rotate-ops-persona.yml', '-i', inventory, '--known-hosts', lab.knownHostsFile, '-e', `gitea_url=${double.url}`,
        '--diff', '--report', join(work, report), ...extra],
      { env: { GITEA_ADMIN_USER: ADMIN.user, GITEA_ADMIN_PASSWORD: ADMIN.password } },
    );
  const statuses = (report: string, host: string) => readReport(join(work, report)).hosts[host].tasks.map((t: { status: string }) => t.status);
  const whoIs = async (token: string) => ((await callApi(double.url, { method: 'GET', path: '/user', auth: { token } })).body as { login?: string }).login;

  it('in check mode changes nothing anywhere and announces the rest as pending', async () => {
    const before = await Promise.all(lab.hosts.map((h) => lab.hashTree(h.name)));
    const check = await run('check.json', '--check', '--limit', lab.hosts[0].name);
    expect(check.code, check.stdout + check.stderr).to.equal(0);
    expect(await Promise.all(lab.hosts.map((h) => lab.hashTree(h.name)))).to.deep.equal(before);
    expect(double.users().map((u) => u.login)).not.to.include(PERSONA);
    expect(statuses('check.json', lab.hosts[0].name)).to.deep.equal(['changed', 'pending', 'changed', 'changed', 'pending']);
  });

  it('rotates every host onto its own persona token, keeps a backup, proves the crons and the identity, and shows no secret', async () => {
    const traces = await Promise.all(lab.hosts.map((h) => lab.traceExecve(h.name)));
    const res = await run('real.json');
    const texts = await Promise.all(traces.map((t) => t.stop()));
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(double.users().find((u) => u.login === PERSONA)).to.deep.equal({ login: PERSONA, must_change_password: false, teams: [`${ORG}/ops`] });
    const tokens: string[] = [];
    for (const h of lab.hosts) {
      const token = readFileSync(h.pathOf(TOKEN), 'utf8').trim();
      tokens.push(token);
      expect(statSync(h.pathOf(TOKEN)).mode & 0o777).to.equal(0o600);
      expect(await whoIs(token)).to.equal(PERSONA);
      expect(readFileSync(h.pathOf(ENV), 'utf8')).to.equal(
        `GITEA_URL=${double.url}\n# ${PERSONA} persona token (was a founder-delegated token), managed by ferry rotate-ops-persona\nGITEA_TOKEN=$(cat ${TOKEN})\nRAILWAY_PROJECT=cp\n`,
      );
      const backups = readdirSync(h.pathOf('/etc/molecule-bootstrap')).filter((f) => f.startsWith('all-credentials.env.bak.'));
      expect(backups, h.name).to.have.length(1);
      const backup = h.pathOf(`/etc/molecule-bootstrap/${backups[0]}`);
      expect(readFileSync(backup, 'utf8')).to.include(`GITEA_TOKEN=${founder}`);
      expect(statSync(backup).mode & 0o777).to.equal(0o600);
      expect(statuses('real.json', h.name)).to.deep.equal(h === lab.hosts[0] ? ['changed', 'changed', 'changed', 'changed', 'ok'] : ['changed', 'changed', 'changed', 'ok']);
    }
    expect(new Set(tokens).size).to.equal(2);
    expect(double.tokens(PERSONA).map((t) => t.name).sort()).to.deep.equal(lab.hosts.map((h) => `${PERSONA}@${h.name}`));
    const shown = [res.stdout, res.stderr, readFileSync(join(work, 'real.json'), 'utf8')].join('\n');
    for (const secret of [founder, ADMIN.password, ...tokens]) {
      expect(shown).not.to.include(secret);
      for (const text of texts) expect(text).not.to.include(secret);
    }
    for (const text of texts) expect(text).to.match(/execve\("[^"]*curl"/);
  });

  it('a second run mints nothing and rewrites nothing', async () => {
    const before = double.tokens(PERSONA).map((t) => t.id);
    const files = lab.hosts.map((h) => readFileSync(h.pathOf(TOKEN), 'utf8'));
    const res = await run('again.json');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(double.tokens(PERSONA).map((t) => t.id)).to.deep.equal(before);
    expect(lab.hosts.map((h) => readFileSync(h.pathOf(TOKEN), 'utf8'))).to.deep.equal(files);
    // Only the cron runs report a change: they run every time, by design.
    expect(statuses('again.json', lab.hosts[0].name)).to.deep.equal(['ok', 'ok', 'ok', 'changed', 'ok']);
    expect(statuses('again.json', lab.hosts[1].name)).to.deep.equal(['ok', 'ok', 'changed', 'ok']);
  });
});
