import { Ajv } from 'ajv';
import { expect } from 'chai';
import { parse } from 'yaml';
import { FerryError } from '../../lib/errors/FerryError.js';
import { normalizeScopes } from '../../lib/gitea/scopes.js';
import type { GiteaToken } from '../../lib/gitea/types.js';
import { readStoredToken } from '../../lib/modules/token_file/readStoredToken.js';
import { tokenFilePlan } from '../../lib/modules/token_file/tokenFilePlan.js';
import type { TokenFileArgs, TokenFileFacts, TokenIdentity } from '../../lib/modules/token_file/tokenFileTypes.js';
import { dirStat, fileStat, missing } from './statOf.js';
import { tokenFile } from '../../lib/modules/token_file/tokenFile.js';

const TOKEN = '0123456789abcdef0123456789abcdef1234abcd';
const PATH = '/etc/molecule-bootstrap/personas/ops-automation/token';
const DIR = '/etc/molecule-bootstrap/personas/ops-automation';
const NAME = 'ops-automation@host1';
const SCOPES = ['read:organization', 'read:notification', 'read:user', 'write:repository'];
const SHOWN = normalizeScopes(SCOPES).join(', ');
const stored = (token = TOKEN) => readStoredToken(true, Buffer.from(`${token}\n`)).stored;
const listed = (over: Partial<GiteaToken> = {}): GiteaToken => ({ id: 7, name: NAME, scopes: normalizeScopes(SCOPES), token_last_eight: '1234abcd', ...over });
const asPersona: TokenIdentity = { kind: 'user', login: 'ops-automation' };

/** The good state: file 0600 holding the persona's token of the right name and scopes. */
const facts = (over: Partial<TokenFileFacts> = {}): TokenFileFacts => ({
  file: fileStat({ mode: 0o600, size: 41 }),
  dir: dirStat({ mode: 0o700 }),
  stored: stored(),
  tokenName: NAME,
  identity: asPersona,
  persona: { exists: true, tokens: [listed()] },
  ...over,
});
const args = (over: Partial<TokenFileArgs> = {}): TokenFileArgs => ({ path: PATH, persona: 'ops-automation', scopes: SCOPES, gitea_url: 'https://git.example', ...over });
const mint = (reason: string) => `mint token ${NAME} for ops-automation (scopes ${SHOWN}): ${reason}`;
const write = `write ${PATH} (mode 0600)`;

describe('token_file: plan from facts', () => {
  // [title, facts, args, change summaries]
  const table: Array<[string, TokenFileFacts, TokenFileArgs, string[]]> = [
    ['the right token, mode and owner: nothing', facts(), args(), []],
    ['scopes asked in another order, or with a redundant read: nothing', facts(), args({ scopes: ['write:repository', 'read:user', 'read:repository', 'read:notification', 'read:organization'] }), []],
    ['a token without read:user that the listing knows: nothing', facts({ identity: { kind: 'no-read-user' } }), args(), []],
    ['mode drift alone: chmod, no mint', facts({ file: fileStat({ mode: 0o644 }) }), args(), [`${PATH}: mode 0644 → 0600`]],
    ['owner drift alone: chown, no mint', facts(), args({ owner: 'ferryops', group: 'ferryops' }), [`${PATH}: owner root → ferryops`, `${PATH}: group root → ferryops`]],
    ['no file yet', facts({ file: missing, stored: { kind: 'none' }, identity: { kind: 'unchecked' }, persona: { exists: true, tokens: [] } }), args(), [mint('missing'), write]],
    ['no file, no directory', facts({ file: missing, dir: missing, stored: { kind: 'none' }, identity: { kind: 'unchecked' }, persona: { exists: true, tokens: [] } }), args(),
      [`create directory ${DIR} (mode 0700)`, mint('missing'), write]],
    ['a directory for another owner', facts({ file: missing, dir: missing, stored: { kind: 'none' }, identity: { kind: 'unchecked' }, persona: { exists: true, tokens: [] } }), args({ owner: 'ferryops' }),
      [`create directory ${DIR} (mode 0700, owner ferryops)`, mint('missing'), `write ${PATH} (mode 0600, owner ferryops)`]],
    ['the file holds no token', facts({ stored: readStoredToken(true, Buffer.from('GITEA_TOKEN=abc def\n')).stored, identity: { kind: 'unchecked' }, persona: { exists: true, tokens: [] } }), args(),
      [mint('the file holds no token'), write]],
    ['revoked, and an older token of that name is left', facts({ identity: { kind: 'rejected' }, persona: { exists: true, tokens: [listed({ id: 9, token_last_eight: 'ffff0000' })] } }), args(),
      [`delete older token ${NAME} (id 9)`, mint('****abcd revoked or unknown to Gitea'), write]],
    ["someone else's token", facts({ identity: { kind: 'user', login: 'hongming-ceo-delegated' }, persona: { exists: true, tokens: [] } }), args(),
      [mint('****abcd belongs to hongming-ceo-delegated'), write]],
    ["a token of a blocked other account", facts({ identity: { kind: 'must-change-password' }, persona: { exists: true, tokens: [] } }), args(),
      [mint('****abcd is refused by Gitea (its account must change its password)'), write]],
    ["the persona's, but not in its listing", facts({ persona: { exists: true, tokens: [listed({ token_last_eight: '99999999' })] } }), args(),
      [`delete older token ${NAME} (id 7)`, mint("****abcd is not one of ops-automation's tokens"), write]],
    ['under another name', facts({ persona: { exists: true, tokens: [listed({ name: 'laptop-default' })] } }), args(),
      [mint('name differs (****abcd is "laptop-default")'), write]],
    ['scopes differ', facts({ persona: { exists: true, tokens: [listed({ scopes: ['read:user'] })] } }), args(),
      [`delete older token ${NAME} (id 7)`, mint('scopes differ (****abcd has read:user)'), write]],
    ['wider scopes differ too', facts({ persona: { exists: true, tokens: [listed({ scopes: ['all'] })] } }), args(),
      [`delete older token ${NAME} (id 7)`, mint('scopes differ (****abcd has all)'), write]],
    ['mint writes the asked mode, whatever the old one', facts({ file: fileStat({ mode: 0o644 }), identity: { kind: 'rejected' }, persona: { exists: true, tokens: [] } }), args({ mode: '0640' }),
      [mint('****abcd revoked or unknown to Gitea'), `write ${PATH} (mode 0640)`]],
    ['literal token in place: nothing', facts({ identity: { kind: 'unchecked' }, persona: undefined }), { path: PATH, token: TOKEN }, []],
    ['literal token, mode drift', facts({ file: fileStat({ mode: 0o666 }), identity: { kind: 'unchecked' }, persona: undefined }), { path: PATH, token: TOKEN }, [`${PATH}: mode 0666 → 0600`]],
    ['literal token differs', facts({ stored: stored('another-secret-value-0000'), identity: { kind: 'unchecked' }, persona: undefined }), { path: PATH, token: TOKEN },
      [`${write}: holds another value`]],
    ['literal token, no file', facts({ file: missing, stored: { kind: 'none' }, identity: { kind: 'unchecked' }, persona: undefined }), { path: PATH, token: TOKEN }, [`${write}: missing`]],
  ];
  for (const [title, f, a, changes] of table) {
    it(title, () => {
      expect(tokenFilePlan(f, a).changes.map((c) => c.summary)).to.deep.equal(changes);
    });
  }

  it('keeps: registers path, name and last eight, never minted', () => {
    const plan = tokenFilePlan(facts(), args());
    expect(plan.result).to.deep.equal({ path: PATH, token_name: NAME, minted: false, token_last_eight: '1234abcd' });
    expect(plan.msg).to.equal('****abcd authenticates as ops-automation with the asked scopes');
  });

  it('mints: apply gets the ids to delete, the mint and the write, in that order', () => {
    const plan = tokenFilePlan(facts({ identity: { kind: 'rejected' } }), args({ owner: 'root', group: 'root' }));
    expect(plan.data).to.deep.equal({
      path: PATH,
      deleteIds: [7],
      mint: { persona: 'ops-automation', name: NAME, scopes: normalizeScopes(SCOPES) },
      write: { mode: 0o600, owner: 'root', group: 'root' },
    });
  });

  it('mode drift alone: apply gets only chmod/chown', () => {
    const plan = tokenFilePlan(facts({ file: fileStat({ mode: 0o644, owner: 'ferryops', uid: 1000 }) }), args({ owner: 'root' }));
    expect(plan.data).to.deep.equal({ path: PATH, deleteIds: [], attrs: { chmod: 0o600, chown: { owner: 'root' } } });
  });

  it('diffs show fingerprints only, never a token', () => {
    const plan = tokenFilePlan(facts({ identity: { kind: 'rejected' } }), args());
    expect(plan.changes.at(-1)?.diff).to.deep.equal({ path: PATH, before: '****abcd\n', after: '****<new token>\n' });
    const literal = tokenFilePlan(facts({ stored: stored('another-secret-value-0000'), persona: undefined }), { path: PATH, token: TOKEN });
    expect(literal.changes[0].diff).to.deep.equal({ path: PATH, before: '****0000\n', after: '****abcd\n' });
    for (const p of [plan, literal]) {
      const text = JSON.stringify(p);
      expect(text).not.to.include(TOKEN);
      expect(text).not.to.include('another-secret-value-0000');
      expect(text).not.to.include(TOKEN.slice(0, 12));
    }
  });

  it('the facts of a file hold no token: only last eight, a fingerprint and a hash', () => {
    const { value, stored: s } = readStoredToken(true, Buffer.from(`${TOKEN}\n`));
    expect(value).to.equal(TOKEN);
    expect(JSON.stringify(s)).not.to.include(TOKEN);
    expect(readStoredToken(false, undefined).stored).to.deep.equal({ kind: 'none' });
    expect(readStoredToken(true, undefined).stored).to.deep.equal({ kind: 'garbage' }); // too large to be a token
    expect(readStoredToken(true, Buffer.from('')).stored).to.deep.equal({ kind: 'garbage' });
    expect(readStoredToken(true, Buffer.from('a\nb\n')).stored).to.deep.equal({ kind: 'garbage' });
  });

  // [title, facts, args, message]
  const refusals: Array<[string, TokenFileFacts, TokenFileArgs, RegExp]> = [
    ['the persona has no account', facts({ persona: { exists: false, tokens: [] } }), args(), /^Gitea user ops-automation does not exist$/],
    ["the persona's own token is refused: must change password", facts({ identity: { kind: 'must-change-password' } }), args(), /ops-automation must change its password, so Gitea refuses its tokens \(403\)/],
    ["the persona's own token is refused: prohibited", facts({ identity: { kind: 'login-prohibited' } }), args(), /prohibited from signing in/],
    ['both token and persona', facts(), args({ token: TOKEN }), /either token .* or persona/],
    ['path is a directory', facts({ file: dirStat() }), args(), /is not a regular file/],
    ['path is a dangling link', facts({ file: { exists: false, link: '/nowhere' } }), args(), /dangling symlink/],
    ['the directory is a file', facts({ file: missing, dir: fileStat() }), args(), /is not a directory/],
    ['an unknown scope', facts(), args({ scopes: ['write:everything'] }), /not a Gitea token scope/],
  ];
  for (const [title, f, a, message] of refusals) {
    it(`refuses: ${title}`, () => {
      let caught: unknown;
      try {
        tokenFilePlan(f, a);
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(FerryError);
      expect((caught as FerryError).message).to.match(message);
      expect((caught as FerryError).hint ?? '').not.to.equal('');
    });
  }
});

describe('token_file: argument schema', () => {
  // Compiled the way the loader and the schema spec do: strict, every error.
  const validate = new Ajv({ allErrors: true, strict: true }).compile(tokenFile.args);

  it('accepts its own example', () => {
    const [task] = parse(tokenFile.example ?? '') as Array<Record<string, unknown>>;
    expect(validate(task[tokenFile.name]), JSON.stringify(validate.errors)).to.equal(true);
  });

  // [args, valid]
  const table: Array<[Record<string, unknown>, boolean]> = [
    [{ path: '/t', persona: 'p', scopes: ['read:user'], gitea_url: 'https://git.example' }, true],
    [{ path: '/t', token: 'abc' }, true],
    [{ path: '/t', token: 'abc', persona: 'p', scopes: ['read:user'], gitea_url: 'https://git.example' }, false],
    [{ path: '/t', persona: 'p', scopes: ['read:user'] }, false],
    [{ path: '/t', persona: 'p', scopes: [], gitea_url: 'https://git.example' }, false],
    [{ path: '/t', persona: 'p', scopes: ['read:user'], gitea_url: 'git.example' }, false],
    [{ path: '/t', token: 'abc', admin_password: 'x' }, false],
    [{ path: '/t', token: 'abc', admin_password_env: 'MY-VAR' }, false],
    [{ path: '/t', persona: 'p', scopes: ['read:user'], gitea_url: 'http://g', admin_user_env: 'U', admin_password_file: 'secrets/pw', mode: '0640', owner: 'root', group: 0, token_name: 'n' }, true],
  ];
  for (const [args, valid] of table) {
    it(`${valid ? 'accepts' : 'refuses'} ${JSON.stringify(args)}`, () => expect(validate(args)).to.equal(valid));
  }
});
