import { expect } from 'chai';
import { callApi } from '../support/gitea/callApi.js';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';

const ADMIN: [string, string] = ['site-admin', 'site-admin-pass'];
const ANNA: [string, string] = ['anna', 'anna-pass-123'];

type Token = { id: number; name: string; sha1: string; token_last_eight: string; scopes: string[]; last_used_at: string };

describe('gitea double: the behaviour CONTRACT.md describes', () => {
  let double: GiteaDouble;
  const api = (r: Parameters<typeof callApi>[1]) => callApi(double.url, r);
  const admin = { basic: ADMIN };

  beforeEach(async () => {
    double = await startGiteaDouble({ admin: { user: ADMIN[0], password: ADMIN[1] }, orgs: [{ name: 'acme', teams: ['ops'] }] });
    double.seedUser({ login: ANNA[0], password: ANNA[1] });
  });
  afterEach(() => double.stop());

  it('defaults must_change_password to TRUE when POST /admin/users omits it, and then refuses the account 403 everywhere', async () => {
    const created = await api({ method: 'POST', path: '/admin/users', auth: admin, body: { username: 'bot', email: 'bot@x.test', password: 'bot-pass-123' } });
    expect(created.status).to.equal(201);
    expect(double.users().find((u) => u.login === 'bot')?.must_change_password).to.equal(true);
    const secret = double.seedToken('bot', 'bot-token', ['all']);
    for (const auth of [{ basic: ['bot', 'bot-pass-123'] as [string, string] }, { token: secret }]) {
      const r = await api({ method: 'GET', path: '/user', auth });
      expect(r.status).to.equal(403);
      expect((r.body as { message: string }).message).to.equal(`You must change your password. Change it at: ${double.url}//user/change_password`);
    }
  });

  it('lets an account created with must_change_password=false use its own password and tokens', async () => {
    await api({ method: 'POST', path: '/admin/users', auth: admin, body: { username: 'bot2', email: 'b2@x.test', password: 'bot-pass-123', must_change_password: false } });
    expect(double.users().find((u) => u.login === 'bot2')?.must_change_password).to.equal(false);
    const r = await api({ method: 'GET', path: '/user', auth: { basic: ['bot2', 'bot-pass-123'] } });
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ login: 'bot2', username: 'bot2' });
  });

  it('shows a token as 40 lowercase hex once, then lists it with sha1 "" and its last eight', async () => {
    const made = await api({ method: 'POST', path: `/users/${ANNA[0]}/tokens`, auth: { basic: ANNA }, body: { name: 't1', scopes: ['read:user', 'read:user', 'write:issue', 'read:issue'] } });
    const token = made.body as Token;
    expect(token.sha1).to.match(/^[0-9a-f]{40}$/);
    expect(token.token_last_eight).to.equal(token.sha1.slice(-8));
    expect(token.scopes).to.deep.equal(['write:issue', 'read:user']);
    const listed = (await api({ method: 'GET', path: `/users/${ANNA[0]}/tokens`, auth: { basic: ANNA } })).body as Token[];
    expect(listed).to.have.length(1);
    expect(listed[0]).to.include({ sha1: '', token_last_eight: token.sha1.slice(-8), id: token.id });
    expect(JSON.stringify(double.tokens(ANNA[0]))).to.not.include(token.sha1);
    const me = await api({ method: 'GET', path: '/user', auth: { token: token.sha1 } });
    expect(me.body).to.include({ login: ANNA[0] });
  });

  it('lists tokens newest first, pages them (default 30, at most 50) and counts them in X-Total-Count', async () => {
    for (let i = 1; i <= 60; i++) double.seedToken(ANNA[0], `t${i}`, ['read:user']);
    const list = (query: string) => api({ method: 'GET', path: `/users/${ANNA[0]}/tokens${query}`, auth: admin });
    const first = await list('');
    expect((first.body as Token[]).map((t) => t.name).slice(0, 2)).to.deep.equal(['t60', 't59']);
    expect(first.body).to.have.length(30);
    expect(first.headers.get('x-total-count')).to.equal('60');
    expect((await list('?limit=500')).body).to.have.length(50);
    const last = await list('?limit=50&page=2');
    expect((last.body as Token[]).map((t) => t.name)).to.deep.equal(['t10', 't9', 't8', 't7', 't6', 't5', 't4', 't3', 't2', 't1']);
  });

  it('updates last_used_at on each use of a token', async () => {
    const old = new Date('2026-05-08T00:26:00Z');
    const secret = double.seedToken(ANNA[0], 'idle', ['read:user'], { lastUsedAt: old });
    const before = (await api({ method: 'GET', path: `/users/${ANNA[0]}/tokens`, auth: admin })).body as Token[];
    expect(before[0].last_used_at).to.equal('2026-05-08T00:26:00Z');
    await api({ method: 'GET', path: '/user', auth: { token: secret } });
    const after = (await api({ method: 'GET', path: `/users/${ANNA[0]}/tokens`, auth: admin })).body as Token[];
    expect(Date.parse(after[0].last_used_at)).to.be.greaterThan(old.getTime());
    expect(double.tokens(ANNA[0])[0].lastUsedAt?.getTime()).to.be.greaterThan(old.getTime());
  });

  it('deletes by ParseInt semantics: a numeric-looking name is an id, "0" is a name', async () => {
    const victim = double.seedToken(ANNA[0], 'victim', ['read:user']);
    double.seedToken(ANNA[0], '1_000', ['read:user']);
    double.seedToken(ANNA[0], '0', ['read:user']);
    const victimId = double.tokens(ANNA[0]).find((t) => t.name === 'victim')?.id ?? 0;
    const del = (ref: string) => api({ method: 'DELETE', path: `/users/${ANNA[0]}/tokens/${ref}`, auth: admin });
    expect((await del('1_000')).status, '1_000 reads as id 1000').to.equal(404);
    expect((await del(`0x${victimId.toString(16)}`)).status, 'hex id').to.equal(204);
    expect((await del('0')).status, '"0" is a name').to.equal(204);
    expect(double.tokens(ANNA[0]).map((t) => t.name)).to.deep.equal(['1_000']);
    const revoked = await api({ method: 'GET', path: '/user', auth: { token: victim } });
    expect(revoked.status).to.equal(401);
    expect(revoked.body).to.include({ message: 'invalid username, password or token' });
  });

  it('refuses a token deleted straight from the database with 401', async () => {
    const secret = double.seedToken(ANNA[0], 'dbrow', ['read:user']);
    expect((await api({ method: 'GET', path: '/user', auth: { token: secret } })).status).to.equal(200);
    double.revokeToken(secret);
    expect((await api({ method: 'GET', path: '/user', auth: { token: secret } })).status).to.equal(401);
  });

  it('reads the auth scheme in any case, Sudo from the header or ?sudo=, and anything but 40-hex as an unknown token', async () => {
    const secret = double.seedToken(ANNA[0], 'x', ['read:user']);
    expect((await api({ method: 'GET', path: '/user', auth: { header: `TOKEN ${secret}` } })).body).to.include({ login: ANNA[0] });
    expect((await api({ method: 'GET', path: '/user', auth: { header: `bearer ${secret}` } })).body).to.include({ login: ANNA[0] });
    expect((await api({ method: 'GET', path: '/user', auth: { token: secret.toUpperCase() } })).status).to.equal(401);
    expect((await api({ method: 'GET', path: '/user', auth: admin, sudo: ANNA[0] })).body).to.include({ login: ANNA[0] });
    expect((await api({ method: 'GET', path: `/user?sudo=${ANNA[0]}`, auth: admin })).body).to.include({ login: ANNA[0] });
  });

  it('checks credentials before routing: a bad token on an unknown path is 401, a good one 404', async () => {
    expect((await api({ method: 'GET', path: '/no/such/route', auth: { token: 'a'.repeat(40) } })).status).to.equal(401);
    expect((await api({ method: 'GET', path: '/no/such/route', auth: admin })).status).to.equal(404);
  });

  it('hides private user fields from others: is_admin only for the account itself and admins', async () => {
    const asAnna = (await api({ method: 'GET', path: `/users/${ADMIN[0]}`, auth: { basic: ANNA } })).body as Record<string, unknown>;
    const asSelf = (await api({ method: 'GET', path: '/user', auth: admin })).body as Record<string, unknown>;
    expect(asAnna.is_admin).to.equal(false);
    expect(asSelf.is_admin).to.equal(true);
  });

  it('gives every organization an Owners team holding the admin, and adds members idempotently', async () => {
    const teams = (await api({ method: 'GET', path: '/orgs/acme/teams', auth: admin })).body as Array<{ id: number; name: string }>;
    expect(teams.map((t) => t.name)).to.deep.equal(['ops', 'Owners']);
    const ops = teams[0].id;
    for (let i = 0; i < 2; i++) expect((await api({ method: 'PUT', path: `/teams/${ops}/members/${ANNA[0]}`, auth: admin })).status).to.equal(204);
    expect(double.users().find((u) => u.login === ANNA[0])?.teams).to.deep.equal(['acme/ops']);
    expect(double.users().find((u) => u.login === ADMIN[0])?.teams).to.deep.equal(['acme/Owners']);
  });

  it('logs requests with their route and auth kind, and never a credential', async () => {
    const secret = double.seedToken(ANNA[0], 'logged', ['read:user']);
    await api({ method: 'GET', path: '/user', auth: { token: secret } });
    await api({ method: 'GET', path: `/users/${ANNA[0]}/tokens?page=1`, auth: { basic: ANNA } });
    await api({ method: 'GET', path: '/version' });
    expect(double.requests.map(({ route, status, auth }) => ({ route, status, auth }))).to.deep.equal([
      { route: '/user', status: 200, auth: 'token' },
      { route: '/users/{username}/tokens', status: 200, auth: 'basic' },
      { route: '/version', status: 200, auth: 'none' },
    ]);
    expect(double.requests[1].path).to.equal(`/api/v1/users/${ANNA[0]}/tokens`);
    const log = JSON.stringify(double.requests);
    for (const s of [secret, ANNA[1], Buffer.from(ANNA.join(':')).toString('base64')]) expect(log).to.not.include(s);
  });
});
