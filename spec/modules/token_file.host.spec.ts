import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { sameScopes } from '../../lib/gitea/scopes.js';
import { tokenFile } from '../../lib/modules/token_file/tokenFile.js';
import type { TokenFileArgs } from '../../lib/modules/token_file/tokenFileTypes.js';
import { callApi } from '../support/gitea/callApi.js';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';
import { startModuleLab, type ModuleLab } from './labHosts.js';
import { ADMIN, adminEnv, PERSONA, recordingContext, runModule, SCOPES, visibleText } from './personaLab.js';

const DIR = '/etc/molecule-bootstrap/personas/ops-automation';
const env = adminEnv('TOKEN_FILE');
const uidOf = (name: string) => Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());

describe('token_file on a real host with the Gitea double', function () {
  let m: ModuleLab;
  let double: GiteaDouble;
  let n = 0;
  /** A fresh token path per spec, so specs do not depend on each other. */
  const nextPath = () => `${DIR}-${++n}/token`;
  const args = (p: string, over: Partial<TokenFileArgs> = {}): TokenFileArgs =>
    ({ path: p, persona: PERSONA, scopes: SCOPES, gitea_url: double.url, owner: 'ferryops', group: 'ferryops', ...env.args, ...over });
  const ctx = (over: { check?: boolean } = {}) => recordingContext(m.ops, { hostname: 'host1', become: true, ...over });
  const onHost = (p: string) => m.host.pathOf(p);
  const stored = (p: string) => readFileSync(onHost(p), 'utf8').trim();
  const whoIs = async (token: string) => ((await callApi(double.url, { method: 'GET', path: '/user', auth: { token } })).body as { login?: string }).login;

  before(async () => {
    m = await startModuleLab();
  });
  after(async () => m?.stop());
  beforeEach(async () => {
    env.set();
    double = await startGiteaDouble({ admin: ADMIN, orgs: [{ name: 'molecule-ai', teams: ['ops'] }] });
    double.seedUser({ login: PERSONA });
    double.seedUser({ login: 'hongming-ceo-delegated' });
  });
  afterEach(async () => {
    env.clear();
    await double.stop();
  });

  it('mints on the first run and writes the token mode 0600, owned as asked, in a new 0700 directory', async () => {
    const p = nextPath();
    const c = ctx();
    const ran = await runModule(tokenFile, c, args(p));
    expect(ran.plan.changes.map((x) => x.summary)).to.deep.equal([
      `create directory ${path.posix.dirname(p)} (mode 0700, owner ferryops, group ferryops)`,
      `mint token ${PERSONA}@host1 for ${PERSONA} (scopes read:notification, read:organization, write:repository, read:user): missing`,
      `write ${p} (mode 0600, owner ferryops, group ferryops)`,
    ]);
    const token = stored(p);
    expect(token).to.match(/^[0-9a-f]{40}$/);
    expect(readFileSync(onHost(p), 'utf8')).to.equal(`${token}\n`);
    const st = statSync(onHost(p));
    expect(st.mode & 0o7777).to.equal(0o600);
    expect([st.uid, st.gid]).to.deep.equal([uidOf('ferryops'), uidOf('ferryops')]);
    const dirSt = statSync(onHost(path.posix.dirname(p)));
    expect(dirSt.mode & 0o7777).to.equal(0o700);
    expect(dirSt.uid).to.equal(uidOf('ferryops'));
    expect(await whoIs(token)).to.equal(PERSONA);
    const [listed] = double.tokens(PERSONA);
    expect(double.tokens(PERSONA)).to.have.length(1);
    expect(listed.name).to.equal(`${PERSONA}@host1`);
    expect(listed.last8).to.equal(token.slice(-8));
    expect(sameScopes(listed.scopes, SCOPES)).to.equal(true);
    expect(ran.applied?.result).to.deep.equal({ path: p, token_name: `${PERSONA}@host1`, minted: true, token_last_eight: token.slice(-8) });
    expect(c.registered).to.include(token);
    expect(c.registered).to.include(ADMIN.password);
    expect(visibleText(ran)).not.to.include(token);
  });

  it('is idempotent: the second probe and plan are empty and nothing is minted', async () => {
    const p = nextPath();
    await runModule(tokenFile, ctx(), args(p));
    const token = stored(p);
    const before = double.requests.length;
    const second = await runModule(tokenFile, ctx(), args(p));
    expect(second.plan.changes).to.deep.equal([]);
    expect(second.plan.msg).to.equal(`****${token.slice(-4)} authenticates as ${PERSONA} with the asked scopes`);
    expect(second.plan.result).to.deep.equal({ path: p, token_name: `${PERSONA}@host1`, minted: false, token_last_eight: token.slice(-8) });
    expect(double.tokens(PERSONA)).to.have.length(1);
    const since = double.requests.slice(before);
    expect(since.filter((r) => r.method !== 'GET')).to.deep.equal([]);
    expect(stored(p)).to.equal(token);
  });

  it('detects a revoked token and replaces it', async () => {
    const p = nextPath();
    await runModule(tokenFile, ctx(), args(p));
    const old = stored(p);
    double.revokeToken(old);
    const ran = await runModule(tokenFile, ctx(), args(p));
    expect(ran.plan.changes.map((x) => x.summary)).to.deep.equal([
      `mint token ${PERSONA}@host1 for ${PERSONA} (scopes read:notification, read:organization, write:repository, read:user): ****${old.slice(-4)} revoked or unknown to Gitea`,
      `write ${p} (mode 0600, owner ferryops, group ferryops)`,
    ]);
    const fresh = stored(p);
    expect(fresh).not.to.equal(old);
    expect(await whoIs(fresh)).to.equal(PERSONA);
    expect(double.tokens(PERSONA).map((t) => t.last8)).to.deep.equal([fresh.slice(-8)]);
  });

  it('replaces a token of the wrong scopes, deleting the older one of that name first', async () => {
    const p = nextPath();
    await runModule(tokenFile, ctx(), args(p, { scopes: ['read:user'] }));
    const old = stored(p);
    const [oldRow] = double.tokens(PERSONA);
    const ran = await runModule(tokenFile, ctx(), args(p));
    expect(ran.plan.changes.map((x) => x.summary)).to.deep.equal([
      `delete older token ${PERSONA}@host1 (id ${oldRow.id})`,
      `mint token ${PERSONA}@host1 for ${PERSONA} (scopes read:notification, read:organization, write:repository, read:user): scopes differ (****${old.slice(-4)} has read:user)`,
      `write ${p} (mode 0600, owner ferryops, group ferryops)`,
    ]);
    const rows = double.tokens(PERSONA);
    expect(rows).to.have.length(1);
    expect(rows[0].id).not.to.equal(oldRow.id);
    expect(sameScopes(rows[0].scopes, SCOPES)).to.equal(true);
    expect(rows[0].last8).to.equal(stored(p).slice(-8));
    expect(await whoIs(old)).to.equal(undefined);
  });

  it("replaces someone else's token, and leaves that token alone", async () => {
    const p = nextPath();
    const theirs = double.seedToken('hongming-ceo-delegated', 'operator-fallback', SCOPES);
    mkdirSync(onHost(path.posix.dirname(p)), { recursive: true, mode: 0o700 });
    writeFileSync(onHost(p), `${theirs}\n`, { mode: 0o600 });
    const c = ctx();
    const ran = await runModule(tokenFile, c, args(p));
    expect(ran.plan.changes[0].summary).to.match(new RegExp(`: \\*{4}${theirs.slice(-4)} belongs to hongming-ceo-delegated$`));
    expect(await whoIs(stored(p))).to.equal(PERSONA);
    expect(double.tokens('hongming-ceo-delegated')).to.have.length(1);
    expect(c.registered).to.include(theirs);
    expect(visibleText(ran)).not.to.include(theirs);
  });

  it('fixes a mode and owner drift alone without minting', async () => {
    const p = nextPath();
    await runModule(tokenFile, ctx(), args(p));
    const token = stored(p);
    chmodSync(onHost(p), 0o644);
    execFileSync('chown', ['root:root', onHost(p)]);
    const ran = await runModule(tokenFile, ctx(), args(p));
    expect(ran.plan.changes.map((x) => x.summary)).to.deep.equal([`${p}: mode 0644 → 0600`, `${p}: owner root → ferryops`, `${p}: group root → ferryops`]);
    expect(statSync(onHost(p)).mode & 0o7777).to.equal(0o600);
    expect(statSync(onHost(p)).uid).to.equal(uidOf('ferryops'));
    expect(stored(p)).to.equal(token);
    expect(double.tokens(PERSONA)).to.have.length(1);
    expect(ran.applied?.result).to.deep.include({ minted: false, token_last_eight: token.slice(-8) });
  });

  it('in check mode mints nothing and writes nothing', async () => {
    const p = nextPath();
    const before = await m.lab.hashTree(m.host.name);
    const ran = await runModule(tokenFile, ctx({ check: true }), args(p));
    expect(ran.plan.changes.map((x) => x.summary)).to.have.length(3);
    expect(ran.applied).to.equal(undefined);
    expect(double.tokens(PERSONA)).to.deep.equal([]);
    expect(double.requests.filter((r) => r.method !== 'GET')).to.deep.equal([]);
    expect(await m.lab.hashTree(m.host.name)).to.equal(before);
  });

  it('holds a literal token exactly, without calling Gitea', async () => {
    const p = nextPath();
    const secret = 'literal-s3cret-for-a-non-gitea-service';
    const c = ctx();
    const first = await runModule(tokenFile, c, { path: p, token: secret });
    expect(first.plan.changes.map((x) => x.summary)).to.deep.equal([`create directory ${path.posix.dirname(p)} (mode 0700)`, `write ${p} (mode 0600): missing`]);
    expect(readFileSync(onHost(p), 'utf8')).to.equal(`${secret}\n`);
    expect(statSync(onHost(p)).mode & 0o7777).to.equal(0o600);
    const second = await runModule(tokenFile, ctx(), { path: p, token: secret });
    expect(second.plan.changes).to.deep.equal([]);
    expect(double.requests).to.deep.equal([]);
    expect(visibleText(first) + visibleText(second)).not.to.include(secret);
  });
});
