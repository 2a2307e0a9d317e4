import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { assertRecentPlan } from '../../lib/modules/assert_recent/assertRecentPlan.js';
import type { AssertRecentArgs, RecentFacts } from '../../lib/modules/assert_recent/assertRecentTypes.js';

const NOW = Date.parse('2026-05-20T12:00:00Z') / 1000;
const LOG = '/var/log/molecule-deploy-poll.log';
const args: AssertRecentArgs = { path: LOG, pattern: 'rc=0', max_age: '1h' };
const found = (over: Partial<RecentFacts> = {}): RecentFacts => ({ host: 'op1', now: NOW, offset: '+0000', state: 'found', mtime: NOW - 60, line: 42, ...over });

describe('assert_recent: plan from facts', () => {
  // [title, facts, args, message]
  const passes: Array<[string, RecentFacts, AssertRecentArgs, string]> = [
    ['a success 10 minutes ago', found({ stamp: '2026-05-20T11:50:00Z' }), args,
      `last success in ${LOG} (line 42, 2026-05-20T11:50:00Z) is 10m old (limit 1h)`],
    ['a local timestamp, host two hours east', found({ stamp: '2026-05-20 13:30:00', offset: '+0200' }), args,
      `last success in ${LOG} (line 42, 2026-05-20 13:30:00) is 30m old (limit 1h)`],
    ['mtime mode', found({ mtime: NOW - 90 }), { path: LOG, max_age: '2m' }, `${LOG} last changed is 1m 30s old (limit 2m)`],
    ['exactly at the limit', found({ stamp: '2026-05-20T11:00:00Z' }), args, `last success in ${LOG} (line 42, 2026-05-20T11:00:00Z) is 1h old (limit 1h)`],
  ];
  for (const [title, facts, a, msg] of passes) {
    it(`${title}: ok`, () => {
      const plan = assertRecentPlan(facts, a);
      expect(plan.changes).to.deep.equal([]);
      expect(plan.msg).to.equal(msg);
    });
  }

  it('the result carries the age, the limit and the line', () => {
    expect(assertRecentPlan(found({ stamp: '2026-05-20T11:50:00Z' }), args).result).to.deep.equal({
      path: LOG, age_seconds: 600, max_age_seconds: 3600, at: '2026-05-20T11:50:00.000Z', line: 42,
    });
  });

  // [title, facts, args, message, hint]
  const failures: Array<[string, RecentFacts, AssertRecentArgs, RegExp, RegExp]> = [
    ['three days of silence', found({ stamp: '2026-05-17T11:00:00Z' }), args,
      /^last success in \/var\/log\/molecule-deploy-poll\.log \(line 42, 2026-05-17T11:00:00Z\) is 3d 1h old, older than 1h$/, /has not succeeded since/],
    ['a stale file', found({ mtime: NOW - 7200 }), { path: LOG, max_age: '1h' }, /last changed is 2h old, older than 1h/, /run its job by hand/],
    ['no success ever', found({ state: 'no-match', line: undefined }), args, /no line of .* matches 'rc=0': no success was ever logged/, /check the pattern/],
    ['a success line without a timestamp', found({ stamp: '' }), args, /\(line 42\) has no ISO 8601 timestamp/, /date -Is/],
    ['no log at all', found({ state: 'missing' }), args, /does not exist on the host/, /check the path/],
    ['unreadable', found({ state: 'unreadable' }), args, /cannot be read by the login user/, /become: true/],
    ['a pattern grep refuses', found({ state: 'bad-pattern' }), { ...args, pattern: 'a{' }, /cannot read the pattern 'a\{'/, /grep -E/],
    ['a max_age that is no duration', found({ stamp: '2026-05-20T11:50:00Z' }), { ...args, max_age: 'soon' }, /max_age 'soon' is not a duration/, /24h/],
  ];
  for (const [title, facts, a, message, hint] of failures) {
    it(`${title}: fails, naming the host`, () => {
      let caught: unknown;
      try {
        assertRecentPlan(facts, a);
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(FerryError);
      const e = caught as FerryError;
      expect(e.message).to.match(message);
      expect(e.hint).to.match(hint);
      expect(e.where.host).to.equal('op1');
    });
  }
});
