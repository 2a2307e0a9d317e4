import { expect } from 'chai';
import { GiteaError } from '../../lib/gitea/GiteaError.js';
import { grantsScopes, normalizeScopes, sameScopes } from '../../lib/gitea/scopes.js';

const WRITE_ALL = ['activitypub', 'admin', 'misc', 'notification', 'organization', 'package', 'issue', 'repository', 'user'].map((c) => `write:${c}`);

describe('gitea scopes (CONTRACT §1 "Scopes")', () => {
  const normalized: Array<[string, string[], string[]]> = [
    ['the contract example: fixed category order', ['read:organization', 'read:notification', 'read:user', 'write:repository'], ['read:notification', 'read:organization', 'write:repository', 'read:user']],
    ['duplicates removed', ['read:user', 'read:user'], ['read:user']],
    ['write absorbs read', ['read:user', 'write:user'], ['write:user']],
    ['write absorbs read whatever the order', ['write:issue', 'read:issue', 'read:repository'], ['write:issue', 'read:repository']],
    ['the full write set becomes all', WRITE_ALL, ['all']],
    ['the full write set in any order, with reads, becomes all', [...WRITE_ALL].reverse().concat('read:user'), ['all']],
    ['all absorbs everything', ['read:user', 'all'], ['all']],
    ['all but one write stays spelled out', WRITE_ALL.slice(1), WRITE_ALL.slice(1)],
    ['public-only comes first', ['read:repository', 'public-only'], ['public-only', 'read:repository']],
    ['public-only with all', ['all', 'public-only'], ['public-only', 'all']],
    ['misc is accepted', ['read:misc'], ['read:misc']],
    ['comma-joined items count as several, as Gitea joins and splits', ['read:user,write:repository'], ['write:repository', 'read:user']],
    ['empty items are skipped', ['', 'read:user', ''], ['read:user']],
    ['no scopes stay none', [], []],
  ];
  for (const [title, input, expected] of normalized) {
    it(`normalizes: ${title}`, () => expect(normalizeScopes(input)).to.deep.equal(expected));
  }

  const invalid: Array<[string, string[]]> = [
    ['an unknown word', ['x']],
    ['a 1.19 name', ['repo']],
    ['an unknown category', ['read:org']],
    ['an unknown level', ['admin:user']],
    ['a space after a comma', ['read:user, write:issue']],
  ];
  for (const [title, input] of invalid) {
    it(`refuses ${title} with a GITEA error naming it`, () => {
      expect(() => normalizeScopes(input)).to.throw(GiteaError, /is not a Gitea token scope/).with.property('code', 'GITEA');
    });
  }

  const same: Array<[string[], string[], boolean]> = [
    [['write:user'], ['read:user', 'write:user'], true],
    [['read:user', 'write:repository'], ['write:repository', 'read:user'], true],
    [WRITE_ALL, ['all'], true],
    [['read:user'], ['write:user'], false],
    [['all'], ['write:repository'], false],
    [['public-only', 'read:repository'], ['read:repository'], false],
    [['read:organization', 'read:notification', 'read:user', 'write:repository'], ['read:notification', 'read:organization', 'write:repository', 'read:user'], true],
    [[], [], true],
    [[], ['read:user'], false],
  ];
  for (const [a, b, expected] of same) {
    it(`sameScopes(${JSON.stringify(a.length > 4 ? ['…write set'] : a)}, ${JSON.stringify(b)}) is ${expected}`, () => {
      expect(sameScopes(a, b)).to.equal(expected);
      expect(sameScopes(b, a)).to.equal(expected);
    });
  }

  const grants: Array<[string[], string[], boolean]> = [
    [['read:user'], ['read:user'], true],
    [['write:user'], ['read:user'], true],
    [['read:user'], ['write:user'], false],
    [['all'], ['write:admin'], true],
    [['read:repository'], ['read:user'], false],
    [['read:user', 'read:organization'], ['read:user', 'read:organization'], true],
    [['read:user'], ['read:user', 'read:organization'], false],
  ];
  for (const [granted, required, expected] of grants) {
    it(`grantsScopes(${JSON.stringify(granted)}, ${JSON.stringify(required)}) is ${expected}`, () => {
      expect(grantsScopes(granted, required)).to.equal(expected);
    });
  }
});
