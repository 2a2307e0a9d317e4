import { expect } from 'chai';
import { evaluate, renderValue } from '../../lib/template/index.js';
import { ferryError, scope } from './fixtures.js';

const AT = { file: 'play.yml', line: 12, col: 9 };

describe('template: undefined variables', () => {
  const CASES: Array<[string, string, RegExp]> = [
    ['{{ tokn }}', "'tokn' is undefined", /did you mean 'token'\?/],
    ['x {{ zzqqx }}', "'zzqqx' is undefined", /define it in vars, the inventory or with register/],
    ['{{ user.tokn }}', "'user.tokn' is undefined", /did you mean 'user.token'\?/],
    ['{{ user.zzzzzz }}', "'user.zzzzzz' is undefined", /'user' has: login, token, groups, home/],
    ['{{ user.groups[5] }}', "'user.groups[5]' is undefined", /index 5 is out of range: 'user.groups' has 2 items/],
    ['{{ hostvars[inventory_hostname].prot }}', "'hostvars[inventory_hostname].prot' is undefined", /did you mean 'hostvars\[inventory_hostname\].port'\?/],
    ['{{ nothing.x }}', "'nothing.x' is undefined", /'nothing' is none/],
    ['{{ missing.deeper.still }}', "'missing' is undefined", /define it/],
    ['{{ list.length }}', "'list.length' is undefined", /use a filter such as \| length/],
    ['{{ missing | upper }}', "'missing' is undefined", /define it/],
    ['{{ missing + 1 }}', "'missing' is undefined", /define it/],
    ['{{ [missing] }}', "'missing' is undefined", /define it/],
    ['{{ missing is none }}', "'missing' is undefined", /define it/],
    ['{{ list | first | default(missing) }}', "'missing' is undefined", /define it/],
    ['{{ [] | first }}', "'| first' of an empty list is undefined", /default/],
    ['{{ missing | mandatory }}', "mandatory variable: 'missing' is undefined", /define it/],
    ["{{ missing | mandatory('set the API token first') }}", 'set the API token first', /define it/],
  ];
  for (const [template, message, hint] of CASES) {
    it(`${template} → ${message}`, () => {
      const error = ferryError(() => renderValue(template, scope({ token: 'x' }), AT));
      expect(error.code).to.equal('UNDEFINED_VAR');
      expect(error.message).to.equal(message);
      expect(error.hint).to.match(hint);
      expect(error.where).to.deep.equal(AT);
      expect(error.format()).to.equal(`play.yml:12:9: ${message} (${error.hint})`);
    });
  }

  it('names the variable whose value holds the undefined name', () => {
    const error = ferryError(() => renderValue('{{ url }}', scope({ url: '{{ api }}/v1', api: 'https://{{ hots }}' }), AT));
    expect(error.code).to.equal('UNDEFINED_VAR');
    expect(error.message).to.equal("'hots' is undefined (while rendering variable 'url' -> 'api')");
    expect(error.where).to.deep.equal(AT);
  });

  it('leaves where empty when no position is given', () => {
    expect(ferryError(() => evaluate('nope', scope())).where).to.deep.equal({});
  });
});

describe('template: syntax errors name the column inside the string', () => {
  const CASES: Array<[string, string]> = [
    ['{{ a + }}', "expected a value, found end of expression at column 8 of '{{ a + }}'"],
    ['x {{ (a }}', "expected ')', found end of expression at column 9 of 'x {{ (a }}'"],
    ['{{ a b }}', "unexpected 'b' at column 6 of '{{ a b }}'"],
    ['{{ }}', "expected an expression, found end of expression at column 4 of '{{ }}'"],
    ['{{ a && b }}', "unexpected character '&' at column 6 of '{{ a && b }}'"],
    ["{{ 'open }}", "unterminated string at column 4 of '{{ 'open }}'"],
    ['ab {{ x', "unclosed '{{' at column 4 of 'ab {{ x'"],
    ['{{ a | lowr }}', "unknown filter 'lowr' at column 8 of '{{ a | lowr }}'"],
    ['{{ a is defind }}', "unknown test 'defind' at column 9 of '{{ a is defind }}'"],
    ['{{ a.upper() }}', "function and method calls are not supported, found '(' at column 11 of '{{ a.upper() }}'"],
    ["{{ lookup('env', 'HOME') }}", "function and method calls are not supported, found '(' at column 10 of '{{ lookup('env', 'HOME') }}'"],
    ['{{ f(x=1, 2) }}', "function and method calls are not supported, found '(' at column 5 of '{{ f(x=1, 2) }}'"],
    ['{{ a | join(d=1, 2) }}', "a positional argument follows a keyword argument at column 18 of '{{ a | join(d=1, 2) }}'"],
    ['{{ a[] }}', "expected an index or a slice, found ']' at column 6 of '{{ a[] }}'"],
    ['{{ a. }}', "expected an attribute name after '.' at column 7 of '{{ a. }}'"],
    ['{{ if }}', "unexpected 'if' at column 4 of '{{ if }}'"],
    ['{% if x %}y{% endif %}', "'{%' at column 1 of '{% if x %}y{% endif %}': ferry templates support {{ expressions }} only"],
    ['a {# note #}', "'{#' at column 3 of 'a {# note #}': ferry templates support {{ expressions }} only"],
  ];
  for (const [template, message] of CASES) {
    it(`${template} → ${message}`, () => {
      const error = ferryError(() => renderValue(template, scope(), AT));
      expect(error.code).to.equal('TEMPLATE');
      expect(error.message).to.equal(message);
      expect(error.where).to.deep.equal(AT);
    });
  }

  it('counts columns from the start of a bare expression', () => {
    expect(ferryError(() => evaluate('n ==', scope(), AT)).message).to.equal("expected a value, found end of expression at column 5 of 'n =='");
  });

  it('suggests the nearest filter and test', () => {
    expect(ferryError(() => evaluate('s | lowr', scope())).hint).to.equal("did you mean 'lower'?");
    expect(ferryError(() => evaluate('s is strng', scope())).hint).to.equal("did you mean 'string'?");
    expect(ferryError(() => evaluate('s | qqqqqq', scope())).hint).to.match(/^ferry's filters: .*b64encode/);
  });

  it('explains the JS and C operators it does not speak', () => {
    expect(ferryError(() => evaluate('a || b', scope())).hint).to.be.undefined;
    expect(ferryError(() => evaluate('a && b', scope())).hint).to.equal("write 'and' instead of '&&'");
    expect(ferryError(() => evaluate('!a', scope())).hint).to.match(/write 'not'/);
    expect(ferryError(() => evaluate('a ? b : c', scope())).hint).to.match(/if cond else/);
  });
});

describe('template: type errors', () => {
  const CASES: Array<[string, string | RegExp]> = [
    ['list | lower', "filter 'lower' expects a string, got a list"],
    ['user | join', "filter 'join' expects a list, got a dict"],
    ['s | dict2items', "filter 'dict2items' expects a dict, got a string"],
    ['n | length', "filter 'length' expects a list, got an integer"],
    ["s | join(d=list)", "argument 'd' of filter 'join' must be a string, got a list"],
    ['s + 1', "cannot apply '+' to a string and an integer"],
    ['1 + 2 ~ 3', "cannot apply '+' to an integer and a string"],
    ['n / 0', 'division by zero'],
    ['n < s', 'cannot compare an integer with a string'],
    ['n in n', "'in' needs a string, a list or a dict on the right, not an integer"],
    ["[1, 'a'] | sort", /^cannot sort (an integer with a string|a string with an integer)$/],
    ["s | join(', ', sep='x')", "filter 'join' has no argument 'sep'"],
    ['s | upper(1)', "filter 'upper' takes at most 0 arguments, got 1"],
    ['s | ternary(1)', "filter 'ternary' needs the argument 'false_val'"],
    ["s | hash('crc')", "filter 'hash' has no algorithm 'crc'"],
    ["n | round(method='constructor')", "filter 'round' has no method 'constructor'"],
    ["s | hash('constructor')", "filter 'hash' has no algorithm 'constructor'"],
    ["s | regex_replace('(')", "filter 'regex_replace' was given an invalid regular expression '('"],
    ['s | map', "filter 'map' needs a filter name or attribute="],
    ["list | map('nope')", "unknown filter 'nope'"],
    ["list | select('nope')", "unknown test 'nope'"],
    ['r is failed', "test 'failed' expects a registered result (a dict), got a string"],
    ['s[1:2:0]', 'slice step cannot be zero'],
    ["{'a': 1} | combine({'b': 2}, list_merge='zip')", "filter 'combine' has no list_merge 'zip'"],
  ];
  for (const [expr, message] of CASES) {
    it(`${expr} → ${message}`, () => {
      const error = ferryError(() => evaluate(expr, scope({ r: 'text' }), AT));
      expect(error.code).to.equal('TEMPLATE');
      if (typeof message === 'string') expect(error.message).to.equal(message);
      else expect(error.message).to.match(message);
      expect(error.where).to.deep.equal(AT);
    });
  }
});

describe('template: error messages never carry values', () => {
  const secret = 'S3cr3t-T0ken-Value';
  const EXPRS = ['token | from_json', 'token + 1', "token | b64decode", 'token | from_yaml', 'token < 1', 'token.x', 'token[0:1:0]', 'token | dict2items'];
  for (const expr of EXPRS) {
    it(`${expr} fails without the value in message or hint`, () => {
      const error = ferryError(() => evaluate(expr, scope({ token: `${secret}: [` }), AT));
      expect(`${error.message} ${error.hint ?? ''}`).to.not.include('S3cr3t');
    });
  }
});
