import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FerryError } from '../../lib/errors/FerryError.js';
import { giteaUser } from '../../lib/modules/gitea_user/giteaUser.js';
import type { GiteaUserArgs } from '../../lib/modules/gitea_user/giteaUserTypes.js';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';
import { ADMIN, adminEnv, failureOf, NO_HOST, ORG, PERSONA, recordingContext, runModule, visibleText } from './personaLab.js';

const env = adminEnv('GITEA_USER');

describe('gitea_user against the Gitea double (on the controller, no host)', () => {
  let double: GiteaDouble;
  const args = (over: Partial<GiteaUserArgs> = {}): GiteaUserArgs =>
    ({ name: PERSONA, full_name: 'Ops automation', org: ORG, team: 'ops', gitea_url: double.url, ...env.args, ...over });
  const ctx = (check = false) => recordingContext(NO_HOST, { hostname: 'localhost', check });
  const persona = () => double.users().find((u) => u.login === PERSONA);

  beforeEach(async () => {
    env.set();
    double = await startGiteaDouble({ admin: ADMIN, orgs: [{ name: ORG, teams: ['ops', 'dev'] }] });
  });
  afterEach(async () => {
    env.clear();
    await double.stop();
  });

  it('creates the persona with must_change_password false and adds it to the team, then has nothing to do', async () => {
    const c = ctx();
    const ran = await runModule(giteaUser, c, args());
    expect(ran.plan.changes.map((x) => x.summary)).to.deep.equal([
      `create Gitea user ${PERSONA} (${PERSONA}@noreply.invalid, must_change_password false)`,
      `add ${PERSONA} to team ops of org ${ORG}`,
    ]);
    expect(persona()).to.deep.equal({ login: PERSONA, must_change_password: false, teams: [`${ORG}/ops`] });
    expect(ran.applied?.result).to.deep.equal({ name: PERSONA, created: true, org: ORG, team: 'ops' });
    const before = double.requests.length;
    const again = await runModule(giteaUser, ctx(), args());
    expect(again.plan.changes).to.deep.equal([]);
    expect(again.plan.msg).to.equal(`Gitea user ${PERSONA} exists, member of team ops of org ${ORG}`);
    expect(double.requests.slice(before).filter((r) => r.method !== 'GET')).to.deep.equal([]);
  });

  it('registers the random password it creates the account with, and shows it nowhere', async () => {
    const c = ctx();
    const ran = await runModule(giteaUser, c, args());
    // The secrets registered: the admin password, its Basic form, and the persona's new password (the only other one).
    const created = c.registered.filter((s) => s !== ADMIN.password && s !== Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64'));
    expect(created).to.have.length.greaterThan(0);
    for (const secret of [...created, ADMIN.password]) expect(visibleText(ran)).not.to.include(secret);
    expect(created.every((s) => s.length >= 32)).to.equal(true);
  });

  it('adds an existing account to the team without touching the account', async () => {
    double.seedUser({ login: PERSONA, email: 'ops@example.test' });
    const ran = await runModule(giteaUser, ctx(), args());
    expect(ran.plan.changes.map((x) => x.summary)).to.deep.equal([`add ${PERSONA} to team ops of org ${ORG}`]);
    expect(persona()?.teams).to.deep.equal([`${ORG}/ops`]);
    expect(double.requests.filter((r) => r.method === 'POST')).to.deep.equal([]);
  });

  it('in check mode creates nothing', async () => {
    const ran = await runModule(giteaUser, ctx(true), args());
    expect(ran.plan.changes).to.have.length(2);
    expect(persona()).to.equal(undefined);
  });

  it('refuses an account whose sign-in is prohibited, since its tokens would be refused', async () => {
    double.seedUser({ login: PERSONA, prohibit_login: true });
    const err = await failureOf(runModule(giteaUser, ctx(), args()));
    expect(err).to.be.instanceOf(FerryError);
    expect((err as FerryError).message).to.equal(`Gitea user ${PERSONA} exists but is prohibited from signing in, so Gitea refuses its tokens`);
  });

  it('names the teams there are when the asked one is missing', async () => {
    const err = await failureOf(runModule(giteaUser, ctx(), args({ team: 'operators' })));
    expect((err as FerryError).message).to.equal(`Gitea organization ${ORG} has no team operators`);
    expect((err as FerryError).hint).to.equal('use one of its teams: dev, ops, Owners');
    const noOrg = await failureOf(runModule(giteaUser, ctx(), args({ org: 'nope-org' })));
    expect((noOrg as FerryError).message).to.equal('Gitea organization nope-org does not exist');
  });

  it('treats an account created meanwhile by a parallel run as created', async () => {
    const [a, b] = await Promise.all([runModule(giteaUser, ctx(), args()), runModule(giteaUser, ctx(), args())]);
    expect([a.applied?.failed, b.applied?.failed]).to.deep.equal([undefined, undefined]);
    expect(double.users().filter((u) => u.login === PERSONA)).to.have.length(1);
    // Both saw no account and both tried: one got Gitea's 422, and took the account as created.
    expect(double.requests.filter((r) => r.method === 'POST').map((r) => r.status).sort()).to.deep.equal([201, 422]);
  });

  it('reads the admin password from a controller file relative to the playbook', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ferry-gitea-user-'));
    try {
      writeFileSync(path.join(dir, 'admin-pass'), `${ADMIN.password}\n`, { mode: 0o600 });
      const c = recordingContext(NO_HOST, { baseDir: dir });
      delete process.env[env.args.admin_password_env];
      await runModule(giteaUser, c, args({ admin_password_file: 'admin-pass' }));
      expect(persona()?.teams).to.deep.equal([`${ORG}/ops`]);
      expect(c.registered).to.include(ADMIN.password);
      const missing = await failureOf(runModule(giteaUser, c, args({ admin_password_file: 'no-such-file' })));
      expect((missing as FerryError).message).to.equal('the Gitea admin password file no-such-file cannot be read on the controller');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing admin password says which variable to export', async () => {
    delete process.env[env.args.admin_password_env];
    const err = await failureOf(runModule(giteaUser, ctx(), args()));
    expect((err as FerryError).message).to.equal(`Gitea admin credentials are missing on the controller: ${env.args.admin_password_env} (the admin password) not set`);
    expect((err as FerryError).hint).to.equal(`export ${env.args.admin_password_env}=… before the run, or give admin_password_file`);
    expect(double.requests).to.deep.equal([]);
  });
});
