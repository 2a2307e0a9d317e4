import { expect } from 'chai';
import { GiteaClient } from '../../lib/gitea/GiteaClient.js';
import { GiteaError, type GiteaFailure } from '../../lib/gitea/GiteaError.js';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';
import { startRawHttpServer, type RawHttpServer } from './rawHttpServer.js';

const ADMIN = { user: 'site-admin', password: 'site-admin-pass-7' };
const PERSONA = { user: 'ops-automation', password: 'persona-pass-7' };

interface Env {
  double: GiteaDouble;
  tok: { read: string; repoOnly: string; revoked: string; newbie: string; writeUser: string };
  client(auth?: ConstructorParameters<typeof GiteaClient>[0]['auth']): GiteaClient;
  raw(listener: Parameters<typeof startRawHttpServer>[0]): Promise<string>;
  deadUrl: string;
}

interface Scenario {
  title: string;
  reason: GiteaFailure;
  message: RegExp;
  hint?: RegExp;
  missingScopes?: string[];
  run: (env: Env) => Promise<unknown> | unknown;
}

const SCENARIOS: Scenario[] = [
  { title: 'a revoked token', reason: 'credentials', message: /GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/user: Gitea rejected the credentials \(token revoked, deleted or wrong\)$/, hint: /mint a new one/, run: (e) => e.client({ token: e.tok.revoked }).currentUser() },
  { title: 'a wrong password', reason: 'credentials', message: /Gitea rejected the credentials \(token revoked, deleted or wrong\)/, run: (e) => e.client({ basic: { user: PERSONA.user, password: 'not-the-password' } }).listTokens(PERSONA.user) },
  { title: 'no credentials on /user', reason: 'credentials', message: /needs credentials/, hint: /configure a Gitea token/, run: (e) => e.client().currentUser() },
  { title: 'a token without the scope', reason: 'scope', message: /lacks the scope\(s\) read:user/, hint: /read:user/, missingScopes: ['read:user'], run: (e) => e.client({ token: e.tok.repoOnly }).currentUser() },
  { title: 'a must_change_password account', reason: 'must-change-password', message: /must_change_password is set/, hint: /clear it/, run: (e) => e.client({ token: e.tok.newbie }).currentUser() },
  { title: 'a non-admin creating a user', reason: 'admin-required', message: /needs a Gitea site admin/, hint: /administrator/, run: (e) => e.client({ basic: PERSONA }).createUser({ username: 'x', email: 'x@example.test', password: 'x-pass-1234', must_change_password: false }) },
  { title: 'a token on the token endpoints', reason: 'basic-required', message: /only Basic auth on its token endpoints/, hint: /admin user and password/, run: (e) => e.client({ token: e.tok.writeUser }).createToken(PERSONA.user, 'via-token', ['read:user']) },
  { title: "listing another user's tokens", reason: 'admin-required', message: /only the account itself or a site admin/, run: (e) => e.client({ basic: { user: 'other', password: 'other-pass-7' } }).listTokens(PERSONA.user) },
  { title: 'a prohibited account', reason: 'login-prohibited', message: /prohibited from signing in/, run: (e) => e.client({ basic: { user: 'banned', password: 'banned-pass-7' } }).currentUser() },
  { title: 'an existing user', reason: 'conflict', message: /user already exists \[name: ops-automation\]/, hint: /look it up/, run: (e) => e.client({ basic: ADMIN }).createUser({ username: PERSONA.user, email: 'new@example.test', password: 'x-pass-1234', must_change_password: false }) },
  { title: 'a used token name', reason: 'conflict', message: /access token name has been used already/, hint: /time-stamped/, run: (e) => e.client({ basic: ADMIN }).createToken(PERSONA.user, 'read', ['read:user']) },
  { title: 'an unknown scope', reason: 'invalid', message: /invalid access token scope: repo/, run: (e) => e.client({ basic: ADMIN }).createToken(PERSONA.user, 'new-one', ['repo']) },
  { title: 'a stopped server', reason: 'unreachable', message: /^Gitea unreachable at http:\/\/127\.0\.0\.1:\d+\/ \(connection refused\)$/, hint: /running and reachable/, run: (e) => new GiteaClient({ url: e.deadUrl, auth: { basic: ADMIN } }).version() },
  { title: 'a server that never answers', reason: 'timeout', message: /did not answer within 300 ms/, run: async (e) => new GiteaClient({ url: await e.raw(() => undefined), timeoutMs: 300 }).version() },
  { title: 'an HTML page', reason: 'bad-response', message: /not JSON/, run: async (e) => new GiteaClient({ url: await e.raw((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>')) }).version() },
  { title: 'JSON without the fields ferry reads', reason: 'bad-response', message: /field "id" is missing or not a number/, run: async (e) => new GiteaClient({ url: await e.raw((_, res) => res.writeHead(200).end('{"login":"x"}')), auth: { token: e.tok.read } }).currentUser() },
  { title: 'a server error', reason: 'server', message: /failed with HTTP 500/, run: async (e) => new GiteaClient({ url: await e.raw((_, res) => res.writeHead(500).end('{"message":""}')) }).version() },
  { title: 'a proxy that echoes the Authorization header', reason: 'forbidden', message: /refused token \*{8}/, run: async (e) => new GiteaClient({ url: await e.raw((req, res) => res.writeHead(403).end(JSON.stringify({ message: `refused ${req.headers.authorization}` }))), auth: { token: e.tok.read } }).currentUser() },
  { title: 'a URL with credentials', reason: 'invalid', message: /carries credentials/, run: () => new GiteaClient({ url: `http://root:${ADMIN.password}@127.0.0.1:1/` }) },
  { title: 'a token with a line break inside', reason: 'invalid', message: /spaces or control characters/, run: (e) => new GiteaClient({ url: e.double.url, auth: { token: `${e.tok.read}\nX-Evil: 1` } }) },
];

describe('GiteaClient errors: one GITEA error that says what happened and what to do, never a secret', () => {
  let env: Env;
  const servers: RawHttpServer[] = [];
  const secrets: string[] = [ADMIN.password, PERSONA.password, 'other-pass-7', 'banned-pass-7'];

  before(async () => {
    const double = await startGiteaDouble({ admin: ADMIN });
    double.seedUser({ login: PERSONA.user, password: PERSONA.password });
    double.seedUser({ login: 'other', password: 'other-pass-7' });
    double.seedUser({ login: 'banned', password: 'banned-pass-7', prohibit_login: true });
    double.seedUser({ login: 'newbie', password: 'newbie-pass-7', must_change_password: true });
    const tok = {
      read: double.seedToken(PERSONA.user, 'read', ['read:user']),
      repoOnly: double.seedToken(PERSONA.user, 'repo-only', ['read:repository']),
      revoked: double.seedToken(PERSONA.user, 'revoked', ['read:user']),
      newbie: double.seedToken('newbie', 'n', ['all']),
      writeUser: double.seedToken(PERSONA.user, 'write-user', ['write:user']),
    };
    double.revokeToken(tok.revoked);
    secrets.push(...Object.values(tok));
    const basicOf = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
    secrets.push(basicOf(ADMIN.user, ADMIN.password), basicOf(PERSONA.user, PERSONA.password), basicOf('other', 'other-pass-7'));
    const dead = await startRawHttpServer(() => undefined);
    await dead.stop();
    env = {
      double,
      tok,
      deadUrl: dead.url,
      client: (auth) => new GiteaClient({ url: double.url, auth }),
      raw: async (listener) => {
        const s = await startRawHttpServer(listener);
        servers.push(s);
        return s.url;
      },
    };
  });
  after(async () => {
    await env?.double.stop();
    await Promise.all(servers.map((s) => s.stop()));
  });

  for (const s of SCENARIOS) {
    it(`${s.title} → ${s.reason}`, async () => {
      let err: unknown;
      try {
        await s.run(env);
      } catch (e) {
        err = e;
      }
      expect(err, 'an error is thrown').to.be.instanceOf(GiteaError);
      const g = err as GiteaError;
      expect(g.code).to.equal('GITEA');
      expect(g.reason).to.equal(s.reason);
      expect(g.message).to.match(s.message);
      expect(g.hint, 'a hint says what to do').to.be.a('string').and.not.equal('');
      if (s.hint) expect(g.hint).to.match(s.hint);
      if (s.missingScopes) expect(g.missingScopes).to.deep.equal(s.missingScopes);
      const everything = [g.message, g.hint, g.format(), g.stack, JSON.stringify(g)].join('\n');
      for (const secret of secrets) expect(everything, 'no secret in the error').to.not.include(secret);
      expect(everything).to.not.match(/Authorization:/);
    });
  }
});
