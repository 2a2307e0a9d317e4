import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { assert, type AssertArgs } from '../../lib/modules/assert.js';
import { fail } from '../../lib/modules/fail.js';
import { builtinModules } from '../../lib/modules/index.js';
import { setFact } from '../../lib/modules/set_fact.js';

/** The FerryError a plan throws, or undefined when it returns. */
function thrown(fn: () => unknown): FerryError | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof FerryError) return err;
    throw err;
  }
}

describe('set_fact, assert and fail: plan', () => {
  it('are registered, never contact a host, and assert asks the engine to evaluate that', () => {
    for (const m of [setFact, assert, fail]) {
      expect(builtinModules.get(m.name), m.name).to.equal(m);
      expect(m.local, m.name).to.equal(true);
    }
    expect(assert.evaluate).to.deep.equal(['that']);
    expect(assert.prints).to.equal(true);
  });

  // [title, args, the facts set]
  const facts: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['one fact', { a: 1 }, { a: 1 }],
    ['values keep their type', { list: [1, 2], dict: { k: 'v' }, flag: false, none: null }, { list: [1, 2], dict: { k: 'v' }, flag: false, none: null }],
    ['cacheable is accepted and not a fact', { token_path: '/x', cacheable: true }, { token_path: '/x' }],
  ];
  for (const [title, args, expected] of facts) {
    it(`set_fact: ${title}`, () => {
      const plan = setFact.plan({}, args);
      expect(plan.changes).to.deep.equal([]);
      expect(plan.result).to.deep.equal({ ansible_facts: expected });
    });
  }

  // [title, args, message shown when every condition holds, or the failure message]
  const assertions: Array<[string, AssertArgs, { ok?: string; failed?: string }]> = [
    ['one true condition', { that: { expr: 'x == 1', value: true } }, { ok: 'All assertions passed' }],
    ['every condition of a list holds', { that: [{ expr: 'a', value: 'text' }, { expr: 'b', value: [1] }] }, { ok: 'All assertions passed' }],
    ['success_msg', { that: { expr: 'a', value: true }, success_msg: 'fine' }, { ok: 'fine' }],
    ['the first false condition is named', { that: [{ expr: 'a', value: 1 }, { expr: 'b > 2', value: false }, { expr: 'c', value: false }] }, { failed: 'Assertion failed: b > 2' }],
    ['empty values are false, as in Jinja', { that: [{ expr: 'xs', value: [] }] }, { failed: 'Assertion failed: xs' }],
    ['fail_msg', { that: { expr: 'a', value: 0 }, fail_msg: 'a must be set' }, { failed: 'a must be set' }],
    ['msg is an alias of fail_msg', { that: { expr: 'a', value: '' }, msg: 'nope' }, { failed: 'nope' }],
    ['a rendered non-string message is shown as JSON', { that: { expr: 'a', value: false }, fail_msg: ['x', 1] }, { failed: '["x",1]' }],
  ];
  for (const [title, args, want] of assertions) {
    it(`assert: ${title}`, () => {
      const err = thrown(() => assert.plan({}, args));
      if (want.failed !== undefined) {
        expect(err?.code).to.equal('MODULE');
        expect(err?.message).to.equal(want.failed);
      } else {
        expect(err).to.equal(undefined);
        const plan = assert.plan({}, args);
        expect(plan.changes).to.deep.equal([]);
        expect(plan.msg).to.equal(want.ok);
      }
    });
  }

  for (const quiet of [true, 'yes', 'True']) {
    it(`assert: quiet ${JSON.stringify(quiet)} shows no message`, () => {
      expect(assert.plan({}, { that: { expr: 'a', value: true }, quiet }).msg).to.equal(undefined);
    });
  }

  // [args, message]
  const failures: Array<[Record<string, unknown>, string]> = [
    [{ msg: 'host is not ready' }, 'host is not ready'],
    [{}, 'Failed as requested from task'],
    [{ msg: { reason: 'x' } }, '{"reason":"x"}'],
  ];
  for (const [args, message] of failures) {
    it(`fail: ${JSON.stringify(args)} fails with "${message}"`, () => {
      const err = thrown(() => fail.plan({}, args));
      expect(err?.code).to.equal('MODULE');
      expect(err?.message).to.equal(message);
    });
  }
});
