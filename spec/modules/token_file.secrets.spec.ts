import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { FerryError } from '../../lib/errors/FerryError.js';
import { tokenFile } from '../../lib/modules/token_file/tokenFile.js';
import type { TokenFileArgs } from '../../lib/modules/token_file/tokenFileTypes.js';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';
import { startModuleLab, type ModuleLab } from './labHosts.js';
import { ADMIN, adminEnv, failureOf, PERSONA, recordingContext, runModule, SCOPES, visibleText } from './personaLab.js';

const env = adminEnv('TOKEN_FILE_SECRETS');

describe('token_file keeps the admin password and every token to itself', function () {
  let m: ModuleLab;
  let double: GiteaDouble;
  let n = 0;
  const nextPath = () => `/etc/molecule-bootstrap/personas/secrets-${++n}/token`;
  const args = (p: string, over: Partial<TokenFileArgs> = {}): TokenFileArgs =>
    ({ path: p, persona: PERSONA, scopes: SCOPES, gitea_url: double.url, ...env.args, ...over });
  const ctx = () => recordingContext(m.ops, { hostname: 'host1', become: true });
  const stored = (p: string) => readFileSync(m.host.pathOf(p), 'utf8').trim();

  before(async () => {
    m = await startModuleLab();
  });
  after(async () => m?.stop());
  beforeEach(async () => {
    env.set();
    double = await startGiteaDouble({ admin: ADMIN });
    double.seedUser({ login: PERSONA });
  });
  afterEach(async () => {
    env.clear();
    await double.stop();
  });

  it('says what is missing when the admin credentials are not set, and how to set them', async () => {
    env.clear();
    const err = await failureOf(runModule(tokenFile, ctx(), args(nextPath())));
    expect(err).to.be.instanceOf(FerryError);
    const e = err as FerryError;
    expect(e.message).to.equal(`Gitea admin credentials are missing on the controller: ${env.args.admin_user_env} (the admin login) and ${env.args.admin_password_env} (the admin password) not set`);
    expect(e.hint).to.match(new RegExp(`^export ${env.args.admin_user_env}=<admin login> ${env.args.admin_password_env}=… before the run`));
    expect(e.where.host).to.equal('host1');
  });

  it('a wrong admin password fails without showing it', async () => {
    const wrong = 'Wr0ng-admin-pass-sh0uld-n0t-show';
    env.set(wrong);
    const c = ctx();
    const err = await failureOf(runModule(tokenFile, c, args(nextPath())));
    expect(err).to.be.instanceOf(FerryError);
    expect((err as FerryError).code).to.equal('GITEA');
    expect((err as FerryError).format()).to.match(/rejected the credentials/);
    expect((err as FerryError).format()).not.to.include(wrong);
    expect(c.registered).to.include(wrong);
  });

  it('never puts the admin password or a token in any argv on the host, a summary, a diff, a result or an error', async () => {
    const p = nextPath();
    const trace = await m.lab.traceExecve(m.host.name);
    const conn = await m.fresh('ferryops');
    const c = recordingContext(conn.host, { hostname: 'host1', become: true });
    const first = await runModule(tokenFile, c, args(p));
    const minted1 = stored(p);
    double.revokeToken(minted1);
    const second = await runModule(tokenFile, c, args(p));
    const minted2 = stored(p);
    const third = await runModule(tokenFile, c, args(p));
    double.revokeToken(minted2);
    env.set('An0ther-wr0ng-pass-for-the-trace');
    const err = await failureOf(runModule(tokenFile, c, args(p)));
    await conn.close();
    const text = await trace.stop();
    expect(text).to.match(/execve\("[^"]*(cat|base64)"/); // the trace saw the probe and the write
    const seen = [text, visibleText(first), visibleText(second), visibleText(third), (err as FerryError).format(), String((err as FerryError).hint)].join('\n');
    for (const secret of [minted1, minted2, ADMIN.password, 'An0ther-wr0ng-pass-for-the-trace', Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')]) {
      expect(seen).not.to.include(secret);
    }
    expect(c.registered).to.include.members([minted1, minted2, ADMIN.password]);
  });
});
