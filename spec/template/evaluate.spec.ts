import { expect } from 'chai';
import { evaluate } from '../../lib/template/index.js';
import { scope } from './fixtures.js';

const CASES: Array<[string, unknown]> = [
  // literals
  ["'single'", 'single'],
  ['"double"', 'double'],
  ["'it\\'s'", "it's"],
  ['"tab\\tnew\\nline"', 'tab\tnew\nline'],
  ["'\\d+'", '\\d+'],
  ["'\\x41\\u00e9'", 'Aé'],
  ['42', 42],
  ['-3', -3],
  ['1_000', 1000],
  ['2.5', 2.5],
  ['1e3', 1000],
  ['true', true],
  ['True', true],
  ['false', false],
  ['False', false],
  ['none', null],
  ['None', null],
  ['null', null],
  ['[]', []],
  ['[1, "a", [2]]', [1, 'a', [2]]],
  ['[1, 2,]', [1, 2]],
  ['{}', {}],
  ["{'k': 1, 'j': [n]}", { k: 1, j: [7] }],
  ['(1, 2)', [1, 2]],
  ['()', []],
  ['(n)', 7],
  // paths
  ['n', 7],
  ['user.login', 'bob'],
  ["user['token']", 'tok-123'],
  ['user.groups[0]', 'ops'],
  ['user.groups.1', 'dev'],
  ['list[-1]', 2],
  ['s[0]', 'H'],
  ['users[1].name', 'alice'],
  ['hostvars[inventory_hostname].port', 22],
  ["hostvars['db1']['port']", 2222],
  ['list[1:]', [1, 2]],
  ['list[:2]', [3, 1]],
  ['list[::-1]', [2, 1, 3]],
  ['s[1:3]', 'el'],
  ['s[-3:]', 'llo'],
  // arithmetic
  ['1 + 2 * 3', 7],
  ['(1 + 2) * 3', 9],
  ['7 / 2', 3.5],
  ['7 // 2', 3],
  ['-7 // 2', -4],
  ['7 % 3', 1],
  ['-7 % 3', 2],
  ['2 ** 10', 1024],
  ['n - 10', -3],
  ["'ab' + 'cd'", 'abcd'],
  ['[1] + [2, 3]', [1, 2, 3]],
  ["'ab' * 3", 'ababab'],
  ['[0] * 3', [0, 0, 0]],
  ["'port ' ~ 22", 'port 22'],
  ["n ~ yes ~ nothing", '7true'],
  ["(1 + 2) ~ 3", '33'],
  ["'v' ~ 1 * 2", 'v2'],
  ['-n', -7],
  ['- -n', 7],
  // comparisons and logic
  ['n == 7', true],
  ['n != 7', false],
  ['[1, [2]] == [1, [2]]', true],
  ["{'a': 1} == {'a': 1}", true],
  ['1 < 2', true],
  ['2 <= 2', true],
  ["'b' > 'a'", true],
  ['n >= 8', false],
  ['1 < n < 10', true],
  ['1 < n < 5', false],
  ["'ops' in user.groups", true],
  ["'ell' in s", true],
  ["'token' in user", true],
  ["'root' not in user.groups", true],
  ['yes and n', 7],
  ['no and n', false],
  ['no or n', 7],
  ["empty or 'fallback'", 'fallback'],
  ['not yes', false],
  ['not empty', true],
  ['not n == 7', false],
  ['yes and not no', true],
  ['no or yes and no', false],
  // conditional expression
  ["'big' if n > 5 else 'small'", 'big'],
  ["'big' if n > 50 else 'small'", 'small'],
  ["'only' if no", null],
  ["'a' if no else 'b' if yes else 'c'", 'b'],
  // tests
  ['n is defined', true],
  ['missing is defined', false],
  ['missing is undefined', true],
  ['missing is not defined', true],
  ['user.missing is defined', false],
  ['missing.deeper.still is defined', false],
  ['nothing is none', true],
  ['n is not none', true],
  ['n is number', true],
  ['n is integer', true],
  ['f is float', true],
  ['s is string', true],
  ['user is mapping', true],
  ['list is sequence', true],
  ['n is odd', true],
  ['n is divisibleby(7)', true],
  ['not missing is defined', true],
  // filters bind tighter than operators
  ['list | length + 1', 4],
  ['-n | abs', 7],
  ['(list | sort)[0]', 1],
  ["names | map('lower') | sort | first", 'alice'],
  ["missing | default('d')", 'd'],
  ["user.nope | default('d')", 'd'],
  ["missing.deep | d(5)", 5],
];

describe('template: evaluate (bare expressions)', () => {
  for (const [expr, expected] of CASES) {
    it(`${expr} → ${JSON.stringify(expected)}`, () => {
      expect(evaluate(expr, scope())).to.deep.equal(expected);
    });
  }

  it('reads a lone {{ expr }} as the bare expression, as Ansible does, and refuses mixed text', () => {
    expect(evaluate('{{ list }}', scope())).to.deep.equal([3, 1, 2]);
    expect(evaluate(' {{ n > 1 }} ', scope())).to.equal(true);
    expect(() => evaluate('{{ n }} > 1', scope())).to.throw(/an expression is written bare/);
  });

  it('renders variables whose values are templates when they are read', () => {
    expect(evaluate('greeting', scope())).to.equal('Hi bob');
    expect(evaluate('port_plus', scope())).to.equal(23);
  });
});
