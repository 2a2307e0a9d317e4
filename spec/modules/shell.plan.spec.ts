import { expect } from 'chai';
import type { RunArgs } from '../../lib/modules/runArgs.js';
import type { GuardFacts } from '../../lib/modules/runGuards.js';
import { shell } from '../../lib/modules/shell.js';

describe('shell: plan', () => {
  // [title, facts, args, expected changes, expected msg]
  const table: Array<[string, GuardFacts, RunArgs, string[], string | undefined]> = [
    ['runs a pipeline as written', {}, { cmd: 'ps aux | grep -c app' }, ['run: ps aux | grep -c app'], undefined],
    ['runs when creates is missing', { creates: false }, { cmd: 'make > log', creates: 'out' }, ['run: make > log'], undefined],
    ['skips when creates exists', { creates: true }, { cmd: 'make > log', creates: 'out' }, [], 'skipped, since out exists'],
    ['skips when removes is missing', { removes: false }, { cmd: 'rm -f x', removes: '/x' }, [], 'skipped, since /x does not exist'],
  ];
  for (const [title, facts, args, changes, msg] of table) {
    it(title, () => {
      const plan = shell.plan(facts, args);
      expect(plan.changes.map((c) => c.summary)).to.deep.equal(changes);
      expect(plan.msg).to.equal(msg);
    });
  }

  it('registers the command line as a string when skipped', () => {
    expect(shell.plan({ creates: true }, { cmd: 'a | b', creates: '/x' }).result?.cmd).to.equal('a | b');
  });

  it('refuses an empty command line', () => {
    expect(() => shell.plan({}, { cmd: ' ' })).to.throw('no command given');
  });
});
