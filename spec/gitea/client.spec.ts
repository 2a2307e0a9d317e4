import { expect } from 'chai';
import { GiteaClient } from '../../lib/gitea/GiteaClient.js';
import { GiteaError } from '../../lib/gitea/GiteaError.js';
import { sameScopes } from '../../lib/gitea/scopes.js';
import type { CreateGiteaUser } from '../../lib/gitea/types.js';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';

const ADMIN = { user: 'site-admin', password: 'site-admin-pass' };
const PERSONA = 'ops-automation';
const SCOPES = ['read:organization', 'read:notification', 'read:user', 'write:repository'];

describe('GiteaClient against the Gitea double', () => {
  let double: GiteaDouble;
  let admin: GiteaClient;
  const authKinds = () => double.requests.map((r) => `${r.auth} ${r.route}`);

  beforeEach(async () => {
    double = await startGiteaDouble({ admin: ADMIN, orgs: [{ name: 'molecule-ai', teams: ['ops', 'dev'] }] });
    admin = new GiteaClient({ url: double.url, auth: { basic: ADMIN } });
  });
  afterEach(() => double.stop());

  it('reads the version without sending credentials', async () => {
    expect(await admin.version()).to.equal('1.25.4');
    expect(authKinds()).to.deep.equal(['none /version']);
  });

  it('creates a persona with must_change_password false, and its token then works', async () => {
    const user = await admin.createUser({ username: PERSONA, email: 'ops@example.test', password: 'persona-pass-1', full_name: 'Ops', must_change_password: false });
    expect(user).to.include({ login: PERSONA, full_name: 'Ops', is_admin: false });
    expect(double.users().find((u) => u.login === PERSONA)?.must_change_password).to.equal(false);
    const token = await admin.createToken(PERSONA, 'ops-automation-20260512t0444', SCOPES);
    const persona = new GiteaClient({ url: double.url, auth: { token: token.sha1 } });
    expect((await persona.currentUser()).login).to.equal(PERSONA);
  });

  it('refuses createUser without an explicit must_change_password, before any request', async () => {
    const loose = { username: 'x', email: 'x@example.test', password: 'x-pass-1234' } as unknown as CreateGiteaUser;
    const err = await admin.createUser(loose).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(GiteaError).with.property('reason', 'invalid');
    expect((err as GiteaError).hint).to.match(/must_change_password: false/);
    expect(double.requests).to.deep.equal([]);
  });

  it('looks users up by name, with undefined for an unknown one', async () => {
    double.seedUser({ login: PERSONA, password: 'persona-pass-1' });
    expect((await admin.user(PERSONA))?.login).to.equal(PERSONA);
    expect(await admin.user('nobody-here')).to.equal(undefined);
  });

  it('sends a token to /user and /users/{u} and Basic to the token endpoints when it holds both', async () => {
    double.seedUser({ login: PERSONA, password: 'persona-pass-1' });
    const secret = double.seedToken(PERSONA, 'everyday', ['read:user']);
    const both = new GiteaClient({ url: double.url, auth: { token: secret, basic: { user: PERSONA, password: 'persona-pass-1' } } });
    await both.currentUser();
    await both.user(PERSONA);
    await both.listTokens(PERSONA);
    const made = await both.createToken(PERSONA, 'next', ['read:user']);
    await both.deleteToken(PERSONA, made.id);
    expect(authKinds()).to.deep.equal([
      'token /user',
      'token /users/{username}',
      'basic /users/{username}/tokens',
      'basic /users/{username}/tokens',
      'basic /users/{username}/tokens/{token}',
    ]);
  });

  it('lists every team of an organization across pages, and manages membership idempotently', async () => {
    const big = await startGiteaDouble({ admin: ADMIN, orgs: [{ name: 'big', teams: Array.from({ length: 60 }, (_, i) => `team-${i}`) }] });
    try {
      const client = new GiteaClient({ url: big.url, auth: { basic: ADMIN } });
      const teams = await client.orgTeams('big');
      expect(teams).to.have.length(61);
      expect(new Set(teams.map((t) => t.id)).size).to.equal(61);
      expect(big.requests).to.have.length(2);
    } finally {
      await big.stop();
    }
    double.seedUser({ login: PERSONA, password: 'persona-pass-1' });
    const ops = (await admin.orgTeams('molecule-ai')).find((t) => t.name === 'ops');
    expect(ops).to.not.equal(undefined);
    const id = ops?.id ?? 0;
    expect(await admin.isTeamMember(id, PERSONA)).to.equal(false);
    await admin.addTeamMember(id, PERSONA);
    await admin.addTeamMember(id, PERSONA);
    expect(await admin.isTeamMember(id, PERSONA)).to.equal(true);
    expect(double.users().find((u) => u.login === PERSONA)?.teams).to.deep.equal(['molecule-ai/ops']);
  });

  it('lists all tokens across pages of 50, newest first, without secrets', async () => {
    double.seedUser({ login: PERSONA, password: 'persona-pass-1' });
    for (let i = 1; i <= 120; i++) double.seedToken(PERSONA, `t-${i}`, ['read:user']);
    const tokens = await admin.listTokens(PERSONA);
    expect(tokens).to.have.length(120);
    expect(tokens[0].name).to.equal('t-120');
    expect(tokens.at(-1)?.name).to.equal('t-1');
    expect(tokens[0]).to.not.have.property('sha1');
    expect(tokens[0].scopes).to.deep.equal(['read:user']);
    expect(double.requests.map((r) => r.status)).to.deep.equal([200, 200, 200]);
  });

  it('mints a token whose scopes come back normalized and compare equal to the ones asked', async () => {
    double.seedUser({ login: PERSONA, password: 'persona-pass-1' });
    const token = await admin.createToken(PERSONA, 'ops-20260519t0344', SCOPES);
    expect(token.sha1).to.match(/^[0-9a-f]{40}$/);
    expect(token.token_last_eight).to.equal(token.sha1.slice(-8));
    expect(token.scopes).to.deep.equal(['read:notification', 'read:organization', 'write:repository', 'read:user']);
    expect(sameScopes(token.scopes, SCOPES)).to.equal(true);
    expect(double.tokens(PERSONA).map((t) => t.name)).to.deep.equal(['ops-20260519t0344']);
  });

  it('deletes tokens by id and by name, and refuses a numeric-looking name without asking Gitea', async () => {
    double.seedUser({ login: PERSONA, password: 'persona-pass-1' });
    double.seedToken(PERSONA, 'by-name', ['read:user']);
    const byId = await admin.createToken(PERSONA, 'by-id', ['read:user']);
    double.seedToken(PERSONA, '1_000', ['read:user']);
    await admin.deleteToken(PERSONA, byId.id);
    await admin.deleteToken(PERSONA, 'by-name');
    const sent = double.requests.length;
    const err = await admin.deleteToken(PERSONA, '1_000').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(GiteaError).with.property('reason', 'invalid');
    expect((err as GiteaError).message).to.match(/reads as a number/);
    expect(double.requests).to.have.length(sent);
    expect(double.tokens(PERSONA).map((t) => t.name)).to.deep.equal(['1_000']);
  });

  it('reports a token that is already gone as not-found, and a duplicated name as a conflict', async () => {
    double.seedUser({ login: PERSONA, password: 'persona-pass-1' });
    double.seedToken(PERSONA, 'twin', ['read:user']);
    double.seedToken(PERSONA, 'twin', ['read:user']);
    const gone = await admin.deleteToken(PERSONA, 999).catch((e: unknown) => e);
    expect(gone).to.be.instanceOf(GiteaError).with.property('reason', 'not-found');
    const twin = await admin.deleteToken(PERSONA, 'twin').catch((e: unknown) => e);
    expect(twin).to.be.instanceOf(GiteaError).with.property('reason', 'conflict');
    expect((twin as GiteaError).hint).to.match(/numeric id/);
  });
});
