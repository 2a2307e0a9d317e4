import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import type { GiteaToken } from '../../lib/gitea/types.js';
import { giteaTokenPlan } from '../../lib/modules/gitea_token/giteaTokenPlan.js';
import type { GiteaTokenArgs, GiteaTokenFacts } from '../../lib/modules/gitea_token/giteaTokenTypes.js';
import type { AuditFacts } from '../../lib/modules/token_audit/tokenAuditTypes.js';

const NOW = Date.parse('2026-05-20T12:00:00Z');
const L8 = '3560785f';
const token = (over: Partial<GiteaToken> = {}): GiteaToken => ({
  id: 7, name: 'ceo-delegated', scopes: ['all'], token_last_eight: L8, last_used_at: '2026-05-18T12:00:00Z', ...over,
});
const facts = (tokens: GiteaToken[] = [token()]): GiteaTokenFacts => ({ userExists: true, tokens, now: NOW });
const audit = (host: string, over: Partial<AuditFacts> = {}): Partial<AuditFacts> => ({
  host, mode: 'last_eight', last_eights: [L8], findings: [], readers: [], unreadable: [], searched: ['/etc'], complete: true, ...over,
});
const base: GiteaTokenArgs = { state: 'absent', user: 'hongming', last_eight: L8, gitea_url: 'https://git.example' };
const guarded = (over: Partial<GiteaTokenArgs> = {}): GiteaTokenArgs => ({
  ...base, unused_for: '24h', no_consumers_on: ['op1', 'op2'], audits: [audit('op1'), audit('op2')], ...over,
});
const blockedBy = (f: GiteaTokenFacts, a: GiteaTokenArgs): string => {
  try {
    giteaTokenPlan(f, a);
  } catch (err) {
    expect(err).to.be.instanceOf(FerryError);
    expect((err as FerryError).hint).to.match(/nothing was revoked/);
    return (err as FerryError).message;
  }
  throw new Error('expected the revoke to be blocked');
};

describe('gitea_token: guarded revoke plan', () => {
  it('both guards hold: one change naming the token, its id and why each guard holds', () => {
    const plan = giteaTokenPlan(facts(), guarded());
    expect(plan.changes.map((c) => c.summary)).to.deep.equal([
      'revoke token ceo-delegated (id 7, …3560785f) of hongming: unused_for holds (last used 2d ago (2026-05-18T12:00:00.000Z), longer than 24h); ' +
        'no_consumers_on holds (no copy on op1, op2)',
    ]);
    expect(plan.data).to.deep.equal({ user: 'hongming', tokens: [{ id: 7, name: 'ceo-delegated', last_eight: L8 }] });
  });

  it('picks the token by name too, every token of that name, and only the owner\'s named ones', () => {
    const tokens = [token(), token({ id: 8, token_last_eight: 'aaaaaaaa' }), token({ id: 9, name: 'other', token_last_eight: 'bbbbbbbb' })];
    const plan = giteaTokenPlan(facts(tokens), { ...base, last_eight: undefined, name: 'ceo-delegated' });
    expect(plan.data?.tokens.map((t) => t.id)).to.deep.equal([7, 8]);
  });

  // [title, facts, message]
  const nothing: Array<[string, GiteaTokenFacts, RegExp]> = [
    ['the token is gone', facts([token({ token_last_eight: 'cccccccc' })]), /hongming has no token …3560785f: nothing to revoke/],
    ['the user is gone', { userExists: false, tokens: [], now: NOW }, /Gitea user hongming does not exist/],
  ];
  for (const [title, f, msg] of nothing) {
    it(`${title}: ok, no change`, () => {
      const plan = giteaTokenPlan(f, guarded());
      expect(plan.changes).to.deep.equal([]);
      expect(plan.msg).to.match(msg);
    });
  }

  // [title, facts, args, what the message must say]
  const blocked: Array<[string, GiteaTokenFacts, GiteaTokenArgs, RegExp[]]> = [
    ['used within the window', facts([token({ last_used_at: '2026-05-20T10:00:00Z' })]), guarded(),
      [/BLOCKED unused_for: last used 2h ago \(2026-05-20T10:00:00.000Z\), within 24h/, /ok no_consumers_on: no copy on op1, op2/]],
    ['no last use known', facts([token({ last_used_at: undefined })]), guarded(), [/BLOCKED unused_for: Gitea gives no last use/]],
    ['a copy is still on a host, read by a cron', facts(), guarded({
      audits: [audit('op1'), audit('op2', {
        findings: [{ host: 'op2', path: '/etc/app.env', line: 4, last_eight: L8, where: 'op2:/etc/app.env:4' }],
        readers: [{ host: 'op2', cron_file: '/etc/cron.d/poll', line: 3, via: '/opt/poll.sh', reads: '/etc/app.env' }],
      })],
    }), [/BLOCKED no_consumers_on: still used: op2:\/etc\/app\.env:4; op2:\/etc\/cron\.d\/poll:3 via \/opt\/poll\.sh reads \/etc\/app\.env/, /ok unused_for/]],
    ['a host has no audit (unreachable, failed)', facts(), guarded({ audits: [audit('op1'), null, { failed: true } as Partial<AuditFacts>] }),
      [/BLOCKED no_consumers_on: op2 was not audited/]],
    ['a host was audited for another token', facts(), guarded({ audits: [audit('op1'), audit('op2', { last_eights: ['dddddddd'] })] }),
      [/op2 was audited for another token, not …3560785f/]],
    ['a host\'s audit could not read everything', facts(), guarded({ audits: [audit('op1'), audit('op2', { complete: false, unreadable: ['/root'] })] }),
      [/op2's audit could not read 1 path\(s\): run it with become: true/]],
    ['no host named', facts(), guarded({ no_consumers_on: [], audits: [] }), [/no_consumers_on names no host/]],
    ['a bad duration', facts(), guarded({ unused_for: 'a day' }), [/unused_for 'a day' is not a duration/]],
    ['both guards fail', facts([token({ last_used_at: '2026-05-20T11:59:00Z' })]), guarded({ audits: [audit('op1')] }),
      [/revoke of token ceo-delegated \(id 7, …3560785f\) of hongming blocked:/, /BLOCKED unused_for: last used 1m ago/, /BLOCKED no_consumers_on: op2 was not audited/]],
  ];
  for (const [title, f, a, says] of blocked) {
    it(`${title}: blocked, and says why`, () => {
      const message = blockedBy(f, a);
      for (const re of says) expect(message).to.match(re);
    });
  }

  it('a finding of another token on a host does not block this one', () => {
    const other = { host: 'op1', path: '/etc/x', line: 1, last_eight: 'eeeeeeee', where: 'op1:/etc/x:1' };
    const plan = giteaTokenPlan(facts(), guarded({ audits: [audit('op1', { last_eights: [L8, 'eeeeeeee'], findings: [other] }), audit('op2')] }));
    expect(plan.changes).to.have.length(1);
  });

  it('without guards the revoke is planned and says so', () => {
    expect(giteaTokenPlan(facts(), base).changes[0].summary).to.match(/: no guard asked$/);
  });
});
