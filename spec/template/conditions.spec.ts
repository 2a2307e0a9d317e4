import { expect } from 'chai';
import { parse } from 'yaml';
import { evaluateCondition, isTrue } from '../../lib/template/index.js';
import { ferryError, scope } from './fixtures.js';

describe('template: isTrue (Jinja truthiness)', () => {
  const TABLE: Array<[unknown, boolean]> = [
    [false, false],
    [null, false],
    [undefined, false],
    [0, false],
    [Number.NaN, false],
    ['', false],
    [[], false],
    [{}, false],
    [true, true],
    [1, true],
    [-0.5, true],
    ['x', true],
    ['false', true],
    ['no', true],
    ['0', true],
    [[0], true],
    [{ a: null }, true],
  ];
  for (const [value, expected] of TABLE) {
    it(`${JSON.stringify(value)} → ${expected}`, () => expect(isTrue(value)).to.equal(expected));
  }
});

describe('template: evaluateCondition (when, changed_when, failed_when)', () => {
  // Conditions as YAML gives them, so `when: false` and `when: 'False'` are read as written.
  const TABLE: Array<[string, boolean]> = [
    ['when: false', false],
    ['when: true', true],
    ['when: False', false],
    ["when: 'False'", false],
    ["when: 'false'", false],
    ['when: "not yes"', false],
    ['when: 0', false],
    ['when: 1', true],
    ['when:', true],
    ['when: n == 7', true],
    ['when: n > 7', false],
    ['when: missing is defined', false],
    ['when: missing is not defined', true],
    ['when: "{{ n == 7 }}"', true],
    ['when: " {{ no }} "', false],
    ['when: |\n  {{ n == 7 }}\n', true],
    ['when: [n == 7, yes]', true],
    ['when: [n == 7, no]', false],
    ['when: []', true],
    ['when: empty', false],
    ['when: list', true],
    ['when: "\'ops\' in user.groups"', true],
    ['when: user.login == "bob" and not no', true],
    ["when: \"x in {'a': 1}\"", true],
  ];
  for (const [yaml, expected] of TABLE) {
    it(`${yaml} → ${expected}`, () => {
      const { when } = parse(yaml) as { when: unknown };
      expect(evaluateCondition(when, scope({ x: 'a', no: false }))).to.equal(expected);
    });
  }

  it('reads the strings "no" and "false" as a variable value by Jinja rules, and by | bool as Ansible does', () => {
    const s = scope({ flag: 'false' });
    expect(evaluateCondition('flag', s)).to.equal(true);
    expect(evaluateCondition('flag | bool', s)).to.equal(false);
  });

  it('refuses text mixed with {{ }}: a condition is one expression', () => {
    const error = ferryError(() => evaluateCondition('{{ n }} == 7', scope(), { file: 'p.yml', line: 4, col: 11 }));
    expect(error.code).to.equal('TEMPLATE');
    expect(error.message).to.match(/an expression is written bare/);
    expect(error.where).to.deep.equal({ file: 'p.yml', line: 4, col: 11 });
  });

  it('reports an undefined name at the condition position', () => {
    const error = ferryError(() => evaluateCondition('tokn == 1', scope({ token: 1 }), { file: 'p.yml', line: 4, col: 11 }));
    expect(error.format()).to.equal("p.yml:4:11: 'tokn' is undefined (did you mean 'token'?)");
  });
});
