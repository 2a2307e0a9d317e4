import { Ajv } from 'ajv';
import { expect } from 'chai';
import { parse } from 'yaml';
import { FerryError } from '../../lib/errors/FerryError.js';
import { assertIdentityPlan } from '../../lib/modules/assert_identity/assertIdentityPlan.js';
import type { AssertIdentityArgs, IdentityFacts } from '../../lib/modules/assert_identity/assertIdentityTypes.js';
import { userUrlOf } from '../../lib/modules/assert_identity/probeIdentityOnHost.js';
import { assertIdentity } from '../../lib/modules/assert_identity/assertIdentity.js';

const ENV = '/etc/molecule-bootstrap/all-credentials.env';
const args: AssertIdentityArgs = { gitea_url: 'https://git.example', login: 'ops-automation', env_file: ENV };
const asked = (status: number, body: unknown, over: Partial<Extract<IdentityFacts, { state: 'asked' }>> = {}): IdentityFacts =>
  ({ host: 'op1', state: 'asked', curlRc: 0, curlError: '', status, body: typeof body === 'string' ? body : JSON.stringify(body), last4: 'abcd', ...over });

describe('assert_identity: plan from facts', () => {
  it('the expected login: no changes, "authenticated as <login>"', () => {
    const plan = assertIdentityPlan(asked(200, { id: 3, login: 'ops-automation', username: 'ops-automation' }), args);
    expect(plan.changes).to.deep.equal([]);
    expect(plan.msg).to.equal('authenticated as ops-automation');
    expect(plan.result).to.deep.equal({ login: 'ops-automation', source: `GITEA_TOKEN in ${ENV}` });
  });

  it('logins compare as Gitea compares them, without letter case', () => {
    expect(assertIdentityPlan(asked(200, { id: 3, login: 'Ops-Automation' }), args).msg).to.equal('authenticated as Ops-Automation');
  });

  // [title, facts, args, message, hint]
  const failures: Array<[string, IdentityFacts, AssertIdentityArgs, RegExp, RegExp]> = [
    ['another login', asked(200, { id: 1, login: 'hongming' }), args,
      /^host authenticates as hongming, expected ops-automation \(\*\*\*\*abcd from GITEA_TOKEN in \/etc\/molecule-bootstrap\/all-credentials\.env\)$/, /token of ops-automation/],
    ['401', asked(401, { message: 'invalid username, password or token' }), args,
      /^the token the host reads is rejected by Gitea \(revoked or wrong\): \*\*\*\*abcd from GITEA_TOKEN in /, /token_file mints one/],
    ['403 must change password', asked(403, { message: 'You must change your password.' }), args, /Gitea refuses the token the host reads .*You must change your password/, /must_change_password/],
    ['another key, token file', asked(401, '', { last4: undefined }), { ...args, env_file: undefined, token_file: '/root/token' }, /rejected by Gitea \(revoked or wrong\): the token from \/root\/token$/, /./],
    ['curl fails', asked(0, '', { curlRc: 7, curlError: 'curl: (7) Failed to connect' }), args, /curl on the host could not ask Gitea \(curl exit 7: curl: \(7\) Failed to connect\)/, /reachable from the host/],
    ['not Gitea', asked(200, '<html>'), args, /has no login/, /points at Gitea/],
    ['a 500', asked(500, ''), args, /Gitea answered HTTP 500/, /points at Gitea/],
    ['no env file', { host: 'op1', state: 'missing' }, args, /all-credentials\.env does not exist on the host/, /path/],
    ['unreadable', { host: 'op1', state: 'unreadable' }, args, /cannot be read by the login user/, /become: true/],
    ['key unset', { host: 'op1', state: 'empty' }, { ...args, key: 'TOKEN2' }, /sets no TOKEN2/, /token_file, env_line/],
    ['empty token file', { host: 'op1', state: 'empty' }, { ...args, env_file: undefined, token_file: '/root/token' }, /\/root\/token is empty/, /write the token/],
    ['garbage', { host: 'op1', state: 'garbage' }, args, /contains spaces or several lines/, /one word/],
    ['no curl', { host: 'op1', state: 'no-curl' }, args, /^curl is not installed on the host$/, /install curl/],
  ];
  for (const [title, facts, a, message, hint] of failures) {
    it(`fails: ${title}`, () => {
      let caught: unknown;
      try {
        assertIdentityPlan(facts, a);
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(FerryError);
      const e = caught as FerryError;
      expect(e.code).to.equal('MODULE');
      expect(e.where.host).to.equal('op1');
      expect(e.message).to.match(message);
      expect(e.hint).to.match(hint);
    });
  }

  // [gitea_url, URL curl asks]
  const urls: Array<[string, string]> = [
    ['https://git.example', 'https://git.example/api/v1/user'],
    ['https://git.example/', 'https://git.example/api/v1/user'],
    ['http://127.0.0.1:3000/gitea/', 'http://127.0.0.1:3000/gitea/api/v1/user'],
    ['https://git.example/?x=1#y', 'https://git.example/api/v1/user'],
  ];
  for (const [given, url] of urls) {
    it(`asks ${url} for ${given}`, () => expect(userUrlOf(given, 'op1')).to.equal(url));
  }

  it('refuses a URL with credentials, which would land in curl\'s argv, without repeating them', () => {
    expect(() => userUrlOf('https://admin:hunter2-pass@git.example', 'op1')).to.throw(FerryError, /carries credentials/);
    try {
      userUrlOf('https://admin:hunter2-pass@git.example', 'op1');
    } catch (err) {
      expect((err as FerryError).format()).not.to.include('hunter2-pass');
    }
  });
});

describe('assert_identity: argument schema', () => {
  // Compiled the way the loader and the schema spec do: strict, every error.
  const validate = new Ajv({ allErrors: true, strict: true }).compile(assertIdentity.args);

  it('accepts its own example', () => {
    const [task] = parse(assertIdentity.example ?? '') as Array<Record<string, unknown>>;
    expect(validate(task[assertIdentity.name]), JSON.stringify(validate.errors)).to.equal(true);
  });

  // [args, valid]
  const table: Array<[Record<string, unknown>, boolean]> = [
    [{ gitea_url: 'https://git.example', login: 'a', env_file: '/e' }, true],
    [{ gitea_url: 'https://git.example', login: 'a', env_file: '/e', key: 'TOKEN_2' }, true],
    [{ gitea_url: 'https://git.example', login: 'a', token_file: '/t' }, true],
    [{ gitea_url: 'https://git.example', login: 'a', env_file: '/e', token_file: '/t' }, false],
    [{ gitea_url: 'https://git.example', login: 'a' }, false],
    [{ gitea_url: 'https://git.example', login: 'a', token_file: '/t', key: 'X' }, false],
    [{ gitea_url: 'https://git.example', login: 'a', env_file: '/e', key: 'BAD-KEY' }, false],
    [{ gitea_url: 'https://git.example', env_file: '/e' }, false],
  ];
  for (const [args, valid] of table) {
    it(`${valid ? 'accepts' : 'refuses'} ${JSON.stringify(args)}`, () => expect(validate(args)).to.equal(valid));
  }
});
