import { expect } from 'chai';
import { debug, type DebugArgs } from '../../lib/modules/debug.js';

describe('debug: plan', () => {
  // [title, args, expected msg, expected register values]
  const table: Array<[string, DebugArgs, string, Record<string, unknown>]> = [
    ['a string message as is', { msg: 'host1 done' }, 'host1 done', { msg: 'host1 done' }],
    ['anything else as JSON', { msg: { a: [1, 2] } }, '{"a":[1,2]}', { msg: { a: [1, 2] } }],
    ['a number as JSON', { msg: 42 }, '42', { msg: 42 }],
    ['Ansible\'s default message', {}, 'Hello world!', { msg: 'Hello world!' }],
    ['a variable the engine evaluated', { var: { expr: 'out.rc', value: 0 } }, 'out.rc: 0', { 'out.rc': 0 }],
    ['a list variable', { var: { expr: 'xs', value: ['a', 'b'] } }, 'xs: ["a","b"]', { xs: ['a', 'b'] }],
    ['an undefined variable', { var: { expr: 'nope', value: undefined } }, 'nope: VARIABLE IS NOT DEFINED!', { nope: 'VARIABLE IS NOT DEFINED!' }],
    ['a variable given with its value', { var: 'name', value: 'ferry' }, 'name: "ferry"', { name: 'ferry' }],
    ['a variable given without a value', { var: 'name' }, 'name: VARIABLE IS NOT DEFINED!', { name: 'VARIABLE IS NOT DEFINED!' }],
  ];
  for (const [title, args, msg, result] of table) {
    it(title, () => {
      const plan = debug.plan({}, args);
      expect(plan.changes).to.deep.equal([]);
      expect(plan.msg).to.equal(msg);
      expect(plan.result).to.deep.equal(result);
    });
  }

  it('never contacts a host and asks the engine to evaluate var', () => {
    expect(debug.local).to.equal(true);
    expect(debug.evaluate).to.deep.equal(['var']);
  });
});
