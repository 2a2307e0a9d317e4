import { expect } from 'chai';
import { evaluate, TESTS } from '../../lib/template/index.js';
import { scope } from './fixtures.js';

const ok = { changed: true, failed: false, rc: 0 };
const bad = { changed: false, failed: true, rc: 1 };
const skip = { skipped: true, changed: false };

// Every `is` test, true and false cases, including Ansible's tests on registered results.
const CASES: Array<[string, boolean]> = [
  ['n is defined', true],
  ['missing is defined', false],
  ['missing is undefined', true],
  ['n is undefined', false],
  ['nothing is none', true],
  ['zero is none', false],
  ['yes is true', true],
  ['1 is true', false],
  ['no is false', true],
  ['zero is false', false],
  ['no is boolean', true],
  ["'true' is boolean", false],
  ['s is string', true],
  ['n is string', false],
  ['f is number', true],
  ["'7' is number", false],
  ['n is integer', true],
  ['f is integer', false],
  ['f is float', true],
  ['n is float', false],
  ['user is mapping', true],
  ['list is mapping', false],
  ['list is sequence', true],
  ['n is sequence', false],
  ['s is iterable', true],
  ['s is truthy', true],
  ['empty is truthy', false],
  ['empty is falsy', true],
  ['8 is even', true],
  ['n is even', false],
  ['n is odd', true],
  ['9 is divisibleby(3)', true],
  ['9 is divisibleby(2)', false],
  ["'abc' is lower", true],
  ["'ABC' is upper", true],
  ["'aBc' is lower", false],
  ['n is eq(7)', true],
  ['n is equalto(8)', false],
  ['n is ne(8)', true],
  ['n is lt(8)', true],
  ['n is lessthan(7)', false],
  ['n is le(7)', true],
  ['n is gt(6)', true],
  ['n is greaterthan(7)', false],
  ['n is ge(7)', true],
  ["'ops' is in(user.groups)", true],
  ['user.groups is contains("dev")', true],
  ["'web01' is match('web')", true],
  ["'my-web01' is match('web')", false],
  ["'my-web01' is search('web\\d+')", true],
  ["'my-web01' is regex('^my')", true],
  ["'WEB' is regex('web', ignorecase=true, match_type='fullmatch')", true],
  ["'ab' is regex('a|ab', match_type='fullmatch')", true],
  ["'web01x' is regex('web\\d+', match_type='fullmatch')", false],
  ['r_ok is changed', true],
  ['r_bad is changed', false],
  ['r_ok is failed', false],
  ['r_bad is failed', true],
  ['r_bad is failure', true],
  ['r_ok is succeeded', true],
  ['r_ok is success', true],
  ['r_bad is successful', false],
  ['r_skip is skipped', true],
  ['r_skip is skip', true],
  ['r_ok is change', true],
  ['r_ok is not failed', true],
];

describe('template: tests (`is`)', () => {
  const vars = scope({ r_ok: ok, r_bad: bad, r_skip: skip });
  for (const [expr, expected] of CASES) {
    it(`${expr} → ${expected}`, () => expect(evaluate(expr, vars)).to.equal(expected));
  }

  it('has a row above for every test name and alias it offers', () => {
    const used = new Set(CASES.flatMap(([expr]) => [...expr.matchAll(/\bis (?:not )?(\w+)/g)].map((m) => m[1])));
    const symbolic = TESTS.filter((t) => !/^\w+$/.test(t));
    expect(TESTS.filter((name) => !used.has(name) && !symbolic.includes(name))).to.deep.equal([]);
  });

  it('offers the symbolic names to select, as Jinja does', () => {
    expect(evaluate("list | select('>=', 2)", scope())).to.deep.equal([3, 2]);
    expect(evaluate("list | select('==', 1)", scope())).to.deep.equal([1]);
    expect(evaluate("list | reject('<', 2)", scope())).to.deep.equal([3, 2]);
    expect(evaluate("list | select('!=', 1) | select('<=', 2)", scope())).to.deep.equal([2]);
  });
});
