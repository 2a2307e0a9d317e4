import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FerryError } from '../../lib/errors/FerryError.js';
import { assertIdentity } from '../../lib/modules/assert_identity/assertIdentity.js';
import type { AssertIdentityArgs } from '../../lib/modules/assert_identity/assertIdentityTypes.js';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';
import { startModuleLab, type ModuleLab } from './labHosts.js';
import { ADMIN, failureOf, PERSONA, recordingContext, runModule, SCOPES, visibleText } from './personaLab.js';

const ENV = '/etc/molecule-bootstrap/all-credentials.env';
const TOKEN_FILE = '/etc/molecule-bootstrap/personas/ops-automation/token';

describe('assert_identity on a real host with the Gitea double', function () {
  let m: ModuleLab;
  let double: GiteaDouble;
  let persona: string;
  let founder: string;
  const put = (p: string, text: string, mode = 0o600) => {
    mkdirSync(path.dirname(m.host.pathOf(p)), { recursive: true });
    writeFileSync(m.host.pathOf(p), text, { mode });
  };
  const args = (over: Partial<AssertIdentityArgs> = {}): AssertIdentityArgs => ({ gitea_url: double.url, login: PERSONA, env_file: ENV, ...over });
  const ctx = (check = false) => recordingContext(m.ops, { hostname: 'host1', become: true, check });

  before(async () => {
    m = await startModuleLab();
    double = await startGiteaDouble({ admin: ADMIN });
    double.seedUser({ login: PERSONA });
    double.seedUser({ login: 'hongming' });
    persona = double.seedToken(PERSONA, `${PERSONA}@host1`, SCOPES);
    founder = double.seedToken('hongming', 'ceo-delegated', SCOPES);
  });
  after(async () => {
    await double?.stop();
    await m?.stop();
  });
  beforeEach(() => {
    put(TOKEN_FILE, `${persona}\n`);
    // The way the playbook rewrites it: the env line reads the persona file when sourced.
    put(ENV, `# shared by the operator crons\nGITEA_URL=${double.url}\nexport GITEA_TOKEN=$(cat ${TOKEN_FILE})\nOTHER=1\n`);
  });

  it('passes, in check mode too, when the env file yields a token of the expected login', async () => {
    for (const check of [false, true]) {
      const ran = await runModule(assertIdentity, ctx(check), args());
      expect(ran.plan.changes).to.deep.equal([]);
      expect(ran.plan.msg).to.equal(`authenticated as ${PERSONA}`);
      expect(ran.plan.result).to.deep.equal({ login: PERSONA, source: `GITEA_TOKEN in ${ENV}` });
    }
    expect(double.requests.at(-1)).to.include({ method: 'GET', path: '/api/v1/user', status: 200, auth: 'token' });
  });

  it('reads a token file as well', async () => {
    const ran = await runModule(assertIdentity, ctx(), args({ env_file: undefined, token_file: TOKEN_FILE }));
    expect(ran.plan.msg).to.equal(`authenticated as ${PERSONA}`);
  });

  it('fails with "host authenticates as X" when the host still reads the founder token', async () => {
    put(ENV, `GITEA_TOKEN=${founder}\n`);
    const c = ctx();
    const err = await failureOf(runModule(assertIdentity, c, args()));
    expect(err).to.be.instanceOf(FerryError);
    expect((err as FerryError).message).to.equal(`host authenticates as hongming, expected ${PERSONA} (****${founder.slice(-4)} from GITEA_TOKEN in ${ENV})`);
    expect((err as FerryError).where.host).to.equal('host1');
    expect((err as FerryError).format()).not.to.include(founder);
  });

  it('drops the carriage return of a CRLF env file, and refuses a token with a space or a tab in it', async () => {
    put(ENV, `GITEA_TOKEN=${persona}\r\nOTHER=1\r\n`);
    expect((await runModule(assertIdentity, ctx(), args())).plan.msg).to.equal(`authenticated as ${PERSONA}`);
    for (const bad of [`${persona} x`, `x\t${persona}`]) {
      put(TOKEN_FILE, `${bad}\n`);
      const err = await failureOf(runModule(assertIdentity, ctx(), args({ env_file: undefined, token_file: TOKEN_FILE })));
      expect((err as FerryError).message).to.equal(`the token from ${TOKEN_FILE} contains spaces or several lines`);
    }
  });

  it("reads Gitea's answer byte for byte, the status apart (a 403 names Gitea's own message)", async () => {
    double.seedUser({ login: 'locked', must_change_password: true });
    const locked = double.seedToken('locked', 'locked@host1', SCOPES);
    put(TOKEN_FILE, `${locked}\n`);
    const err = await failureOf(runModule(assertIdentity, ctx(), args()));
    expect((err as FerryError).message).to.match(new RegExp(`^Gitea refuses the token the host reads \\(\\*{4}${locked.slice(-4)} from GITEA_TOKEN in .*\\): \\S`));
    expect((err as FerryError).message).to.not.include('HTTP 403');
  });

  it('fails with "rejected by Gitea" when the token the host reads is revoked', async () => {
    const doomed = double.seedToken(PERSONA, 'doomed', SCOPES);
    put(TOKEN_FILE, `${doomed}\n`);
    double.revokeToken(doomed);
    const err = await failureOf(runModule(assertIdentity, ctx(), args()));
    expect((err as FerryError).message).to.equal(`the token the host reads is rejected by Gitea (revoked or wrong): ****${doomed.slice(-4)} from GITEA_TOKEN in ${ENV}`);
    expect((err as FerryError).format()).not.to.include(doomed);
  });

  it('names a missing variable, a missing file, and an unreachable Gitea', async () => {
    put(ENV, 'OTHER=1\n');
    expect((await failureOf(runModule(assertIdentity, ctx(), args()))).message).to.equal(`${ENV} sets no GITEA_TOKEN (or sets it empty)`);
    expect((await failureOf(runModule(assertIdentity, ctx(), args({ env_file: '/etc/molecule-bootstrap/nope.env' })))).message)
      .to.equal('/etc/molecule-bootstrap/nope.env does not exist on the host');
    put(ENV, `GITEA_TOKEN=${persona}\n`);
    const down = await failureOf(runModule(assertIdentity, ctx(), args({ gitea_url: 'http://127.0.0.1:9' })));
    expect(down.message).to.match(/^curl on the host could not ask Gitea \(curl exit 7: curl: \(7\) Failed to connect/);
  });

  it('a file only root may read needs become, and says so', async () => {
    const err = await failureOf(runModule(assertIdentity, recordingContext(m.ops, { hostname: 'host1' }), args()));
    expect((err as FerryError).message).to.equal(`${ENV} cannot be read by the login user`);
    expect((err as FerryError).hint).to.equal('run the task with become: true');
  });

  it('never puts the token in an argv on the host, nor in facts, results or errors', async () => {
    const trace = await m.lab.traceExecve(m.host.name);
    const conn = await m.fresh('ferryops');
    const c = recordingContext(conn.host, { hostname: 'host1', become: true });
    const facts = await assertIdentity.probe(c, args());
    const ok = await runModule(assertIdentity, c, args());
    put(ENV, `GITEA_TOKEN='${founder}'\n`);
    const bad = await failureOf(runModule(assertIdentity, c, args()));
    await conn.close();
    const text = await trace.stop();
    expect(text).to.match(/execve\("[^"]*curl", \["curl", "-sS", "-m", "10", "-H", "@-"/);
    const seen = [text, JSON.stringify(facts), visibleText(ok), (bad as FerryError).format()].join('\n');
    for (const token of [persona, founder]) expect(seen).not.to.include(token);
  });
});
