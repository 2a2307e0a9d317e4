import { Ajv } from 'ajv';
import { expect } from 'chai';
import { parse } from 'yaml';
import { FerryError } from '../../lib/errors/FerryError.js';
import { defaultEmail, giteaUserPlan } from '../../lib/modules/gitea_user/giteaUserPlan.js';
import type { GiteaUserArgs, GiteaUserFacts } from '../../lib/modules/gitea_user/giteaUserTypes.js';
import { randomPassword } from '../../lib/modules/gitea_user/randomPassword.js';
import { giteaUser } from '../../lib/modules/gitea_user/giteaUser.js';

const USER = { id: 5, login: 'ops-automation', active: true, prohibit_login: false };
const TEAM = { id: 3, name: 'ops' };
const args = (over: Partial<GiteaUserArgs> = {}): GiteaUserArgs => ({ name: 'ops-automation', org: 'molecule-ai', team: 'ops', gitea_url: 'https://git.example', ...over });
const org = (over = {}) => ({ exists: true, teams: ['Owners', 'ops'], team: TEAM, member: true, ...over });

describe('gitea_user: plan from facts', () => {
  // [title, facts, args, change summaries]
  const table: Array<[string, GiteaUserFacts, GiteaUserArgs, string[]]> = [
    ['exists and is in the team: nothing', { user: USER, org: org() }, args(), []],
    ['exists, no team asked: nothing', { user: USER }, args({ org: undefined, team: undefined }), []],
    ['exists, not in the team', { user: USER, org: org({ member: false }) }, args(), ['add ops-automation to team ops of org molecule-ai']],
    ['missing', { org: org({ member: false }) }, args(), [
      'create Gitea user ops-automation (ops-automation@noreply.invalid, must_change_password false)',
      'add ops-automation to team ops of org molecule-ai',
    ]],
    ['missing, with e-mail and visibility', {}, args({ org: undefined, team: undefined, email: 'ops@example.org', visibility: 'private' }), [
      'create Gitea user ops-automation (ops@example.org, visibility private, must_change_password false)',
    ]],
    ['team asked in other letter case', { user: USER, org: org({ member: false }) }, args({ team: 'OPS' }), ['add ops-automation to team ops of org molecule-ai']],
  ];
  for (const [title, facts, a, changes] of table) {
    it(title, () => {
      expect(giteaUserPlan(facts, a).changes.map((c) => c.summary)).to.deep.equal(changes);
    });
  }

  it('creates with must_change_password false and adds to the team by id (apply data)', () => {
    const plan = giteaUserPlan({ org: org({ member: false }) }, args({ full_name: 'Ops automation' }));
    expect(plan.data).to.deep.equal({
      create: { username: 'ops-automation', email: 'ops-automation@noreply.invalid', full_name: 'Ops automation', visibility: undefined },
      addToTeam: { id: 3, name: 'ops', org: 'molecule-ai' },
    });
    expect(plan.result).to.deep.equal({ name: 'ops-automation', created: true, org: 'molecule-ai', team: 'ops' });
  });

  it('says what it found when nothing changes', () => {
    const plan = giteaUserPlan({ user: USER, org: org() }, args());
    expect(plan.msg).to.equal('Gitea user ops-automation exists, member of team ops of org molecule-ai');
    expect(plan.result).to.deep.equal({ name: 'ops-automation', created: false, org: 'molecule-ai', team: 'ops' });
  });

  it('defaults the e-mail to a reserved, undeliverable domain', () => {
    expect(defaultEmail('Ops-Automation')).to.equal('ops-automation@noreply.invalid');
  });

  // [title, facts, message, hint]
  const refusals: Array<[string, GiteaUserFacts, RegExp, RegExp]> = [
    ['a prohibited account', { user: { ...USER, prohibit_login: true }, org: org() }, /prohibited from signing in, so Gitea refuses its tokens/, /Disable sign-in/],
    ['an inactive account', { user: { ...USER, active: false }, org: org() }, /is not active/, /Activated/],
    ['no such organization', { user: USER, org: { exists: false, teams: [], member: false } }, /organization molecule-ai does not exist/, /create it/],
    ['no such team', { user: USER, org: { exists: true, teams: ['Owners', 'dev'], member: false } }, /has no team ops/, /Owners, dev/],
  ];
  for (const [title, facts, message, hint] of refusals) {
    it(`refuses: ${title}`, () => {
      let caught: unknown;
      try {
        giteaUserPlan(facts, args());
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(FerryError);
      expect((caught as FerryError).message).to.match(message);
      expect((caught as FerryError).hint).to.match(hint);
    });
  }

  it('random passwords are long, differ, and hold every character class', () => {
    const a = randomPassword();
    const b = randomPassword();
    expect(a).not.to.equal(b);
    for (const p of [a, b]) {
      expect(p.length).to.be.at.least(32);
      for (const re of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(p).to.match(re);
    }
  });
});

describe('gitea_user: argument schema', () => {
  // Compiled the way the loader and the schema spec do: strict, every error.
  const validate = new Ajv({ allErrors: true, strict: true }).compile(giteaUser.args);

  it('accepts its own example', () => {
    const [task] = parse(giteaUser.example ?? '') as Array<Record<string, unknown>>;
    expect(validate(task[giteaUser.name]), JSON.stringify(validate.errors)).to.equal(true);
  });

  // [args, valid]
  const table: Array<[Record<string, unknown>, boolean]> = [
    [{ name: 'ops-automation', gitea_url: 'https://git.example' }, true],
    [{ name: 'ops-automation', gitea_url: 'https://git.example', org: 'o', team: 't', visibility: 'private', email: 'a@b', full_name: 'A' }, true],
    [{ name: 'ops-automation', gitea_url: 'https://git.example', org: 'o' }, false],
    [{ name: 'ops-automation', gitea_url: 'https://git.example', team: 't' }, false],
    [{ name: 'ops automation', gitea_url: 'https://git.example' }, false],
    [{ name: 'ops-automation', gitea_url: 'https://git.example', password: 'x' }, false],
    [{ name: 'ops-automation', gitea_url: 'https://git.example', visibility: 'secret' }, false],
    [{ name: 'ops-automation' }, false],
  ];
  for (const [args, valid] of table) {
    it(`${valid ? 'accepts' : 'refuses'} ${JSON.stringify(args)}`, () => expect(validate(args)).to.equal(valid));
  }
});
