import { expect } from 'chai';
import { callApi } from '../support/gitea/index.js';
import { ENV_FILE as ENV } from '../support/seedLayout.js';
import { startReuseLab, statusesOf, type ReuseLab } from './reuseLab.js';

const PLAYBOOK = 'playbooks/revoke-fallback-token.yml';
const POLL = '/opt/operator-config/ops/molecule-deploy-poll.sh';
const HOUR = 3_600_000;

describe('guarded revoke: playbooks/revoke-fallback-token.yml with the Gitea double', function () {
  this.timeout(120_000);
  let r: ReuseLab;
  let fallback: string;
  let recent: string;
  const l8 = (t: string) => t.slice(-8);
  const revoke = (report: string, token: string, ...extra: string[]) => r.ferry(PLAYBOOK, report, '-e', `fallback_last_eight=${l8(token)}`, ...extra);
  /** Whether the double still holds the token, without using it (a use would move its last_used_at). */
  const held = (token: string) => r.gitea.tokens('hongming').some((t) => t.last8 === l8(token));
  const deletes = () => r.gitea.requests.filter((q) => q.method === 'DELETE').length;

  before(async () => {
    r = await startReuseLab(2);
    r.gitea.seedUser({ login: 'hongming' });
    // The founder-delegated fallback: unused for three days (past the 24h burn-in), still baked into both hosts.
    fallback = r.gitea.seedToken('hongming', 'hongming-ceo-delegated', ['all'], { lastUsedAt: new Date(Date.now() - 72 * HOUR) });
    // Another token of the founder, on no host, but used an hour ago.
    recent = r.gitea.seedToken('hongming', 'laptop', ['read:user'], { lastUsedAt: new Date(Date.now() - HOUR) });
    for (const h of r.lab.hosts) {
      r.put(h, ENV, `GITEA_URL=${r.gitea.url}\nGITEA_TOKEN=${fallback}\n`, 0o600);
      r.put(h, POLL, `#!/bin/sh\n. ${ENV}\n`, 0o755);
      r.put(h, '/etc/cron.d/molecule-deploy-poll', `*/5 * * * * root ${POLL}\n`);
    }
  });
  after(async () => r?.stop());

  it('refuses while the audit still finds the token, naming host:path:line and the cron that reads it', async () => {
    for (const mode of [['--check'], []]) {
      const res = await revoke(`consumers${mode.length}.json`, fallback, ...mode);
      expect(res.code, res.stdout + res.stderr).to.equal(2);
      for (const h of r.lab.hosts) {
        expect(res.stdout).to.include(`${h.name}:${ENV}:2`);
        expect(res.stdout).to.include(`${h.name}:/etc/cron.d/molecule-deploy-poll:1 via ${POLL} reads ${ENV}`);
      }
      expect(res.stdout).to.match(/BLOCKED no_consumers_on: still used:/);
      expect(res.stdout).to.match(/ok unused_for: last used 3d ago .*, longer than 24h/);
      expect(res.stdout).to.include('nothing was revoked');
      expect(res.stdout + res.stderr).not.to.include(fallback);
    }
    expect(held(fallback)).to.equal(true);
    expect(deletes()).to.equal(0);
  });

  it('refuses a token used within the burn-in, even with no copy on any host', async () => {
    const res = await revoke('recent.json', recent);
    expect(res.code, res.stdout + res.stderr).to.equal(2);
    expect(res.stdout).to.match(/BLOCKED unused_for: last used 1h( \d+m)? ago \(.*\), within 24h/);
    expect(res.stdout).to.match(/ok no_consumers_on: no copy on host1, host2/);
    expect(held(recent)).to.equal(true);
    expect(deletes()).to.equal(0);
  });

  it('once the consumers moved: a host left out of the audit still blocks; --check says what would be revoked and why', async () => {
    for (const h of r.lab.hosts) r.put(h, ENV, `GITEA_URL=${r.gitea.url}\nGITEA_TOKEN=$(cat /etc/molecule-bootstrap/personas/ops-automation/token)\n`, 0o600);
    const limited = await revoke('limited.json', fallback, '--limit', 'host1');
    expect(limited.code, limited.stdout + limited.stderr).to.equal(2);
    expect(limited.stdout).to.match(/BLOCKED no_consumers_on: host2 was not audited/);
    const check = await revoke('check.json', fallback, '--check');
    expect(check.code, check.stdout + check.stderr).to.equal(0);
    expect(statusesOf(r.report('check.json'), 'host1', 'gitea_token')).to.deep.equal(['changed']);
    expect(check.stdout).to.match(/revoke token hongming-ceo-delegated \(id \d+, …[0-9a-f]{8}\) of hongming: unused_for holds \(last used 3d ago/);
    expect(check.stdout).to.include('no_consumers_on holds (no copy on host1, host2)');
    expect(held(fallback)).to.equal(true);
    expect(deletes()).to.equal(0);
  });

  it('revokes once both guards hold: the token then answers 401, and a second run has nothing to do', async () => {
    const res = await revoke('real.json', fallback);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(statusesOf(r.report('real.json'), 'host1', 'gitea_token')).to.deep.equal(['changed']);
    expect(held(fallback)).to.equal(false);
    expect((await callApi(r.gitea.url, { method: 'GET', path: '/user', auth: { token: fallback } })).status).to.equal(401);
    expect(held(recent), 'the other token is untouched').to.equal(true);
    const again = await revoke('again.json', fallback);
    expect(again.code, again.stdout + again.stderr).to.equal(0);
    expect(again.stdout).to.match(/hongming has no token …[0-9a-f]{8}: nothing to revoke/);
    expect(res.stdout + res.stderr + again.stdout).not.to.include(fallback);
  });
});
