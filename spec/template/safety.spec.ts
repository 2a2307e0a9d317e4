import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { evaluate, MAX_REGEX_SUBJECT, renderValue, Scope } from '../../lib/template/index.js';
import { ferryError, scope } from './fixtures.js';

class Opaque {
  secret = 'inside';
  method(): string {
    return 'ran';
  }
}

const vars = () => scope({ x: { a: 1 }, fn: () => 'ran', holder: { fn: () => 'ran' }, opaque: new Opaque(), poison: '{"__proto__": {"polluted": 1}}' });

describe('template: prototype and code access is refused', () => {
  const REFUSED = [
    'x.constructor', "x['constructor']", 'x.__proto__', "x['__proto__']", 'x.prototype', 's.constructor',
    'list.constructor', 'n.constructor', "user.groups['constructor']", 'constructor', '__proto__',
    "x.constructor | default('safe')", "{'__proto__': {'polluted': 1}}", "x | combine({'__proto__': {'polluted': 1}})",
    "[{'key': '__proto__', 'value': 1}] | items2dict", "(poison | from_json).__proto__", "users | map(attribute='constructor') | list",
    "x.constructor.constructor('return process')", "users | sort(attribute='__proto__')",
  ];
  for (const expr of REFUSED) {
    it(`${expr} → TEMPLATE error, never a function`, () => {
      const error = ferryError(() => evaluate(expr, vars()));
      expect(error.code).to.equal('TEMPLATE');
      expect(error.message).to.match(/refused|not supported/);
    });
  }

  const INVISIBLE = ['x.toString', 'x.hasOwnProperty', 's.length', 'list.map', 's.toUpperCase', 'opaque.secret', 'opaque.method', 'list.length'];
  for (const expr of INVISIBLE) {
    it(`${expr} → undefined: inherited members and non-data objects are invisible`, () => {
      expect(ferryError(() => evaluate(expr, vars())).code).to.equal('UNDEFINED_VAR');
      expect(evaluate(`${expr} | default('none')`, vars())).to.equal('none');
      expect(evaluate(`${expr} is defined`, vars())).to.equal(false);
    });
  }

  it('refuses a function found in the data', () => {
    expect(ferryError(() => evaluate('fn', vars())).message).to.match(/^the value is a function, not data/);
    expect(ferryError(() => evaluate('holder.fn', vars())).message).to.match(/^the value is a function, not data/);
    expect(ferryError(() => renderValue('{{ holder }}', vars())).message).to.match(/^the value is a function, not data/);
  });

  it('leaves Object.prototype untouched whatever the templates try', () => {
    for (const expr of ["poison | from_json", "'__proto__: {polluted: 1}' | from_yaml", "{'a': 1} | dict2items(key_name='__proto__')"]) {
      evaluate(expr, vars());
    }
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('has no eval or Function constructor anywhere in its sources', () => {
    const root = new URL('../../lib/template/', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).to.be.greaterThan(20);
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).to.not.match(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(|\bimport\s*\(/);
    }
  });
});

describe('template: limits', () => {
  it('refuses a regular expression that could backtrack exponentially, before running it', () => {
    const s = new Scope([{ text: `${'a'.repeat(40)}!` }]);
    const started = Date.now();
    for (const expr of ["text is match('(a+)+$')", "text | regex_replace('(a*)*$', '')", "text | regex_search('(a*)*b')"]) {
      const error = ferryError(() => evaluate(expr, s));
      expect(error.code).to.equal('TEMPLATE');
      expect(error.message).to.match(/exponential time/);
    }
    expect(Date.now() - started).to.be.below(1000);
    expect(evaluate("text is match('a+!$')", s)).to.equal(true);
  });

  it(`regex filters and tests scan at most ${MAX_REGEX_SUBJECT} characters`, () => {
    const ok = new Scope([{ big: 'a'.repeat(MAX_REGEX_SUBJECT) }]);
    expect(evaluate("big | regex_replace('a', '') | length", ok)).to.equal(0);
    const tooBig = new Scope([{ big: 'a'.repeat(MAX_REGEX_SUBJECT + 1) }]);
    for (const expr of ["big | regex_replace('a', 'b')", "big | regex_search('b')", "big | regex_findall('a')", "big is match('a')"]) {
      const error = ferryError(() => evaluate(expr, tooBig));
      expect(error.code).to.equal('TEMPLATE');
      expect(error.message).to.match(/refuses to scan 1048577 characters \(the limit is 1048576\)/);
    }
  });

  const DEEP: Array<[string, string]> = [
    ['parentheses', `${'('.repeat(200)}1${')'.repeat(200)}`],
    ['lists', `${'['.repeat(200)}1${']'.repeat(200)}`],
    ['not', `${'not '.repeat(500)}true`],
    ['unary minus', `${'- '.repeat(500)}1`],
    ['conditionals', `${'1 if true else '.repeat(200)}1`],
  ];
  for (const [label, expr] of DEEP) {
    it(`deeply nested ${label} are a TEMPLATE error, not a stack overflow`, () => {
      const error = ferryError(() => evaluate(expr, scope()));
      expect(error.code).to.equal('TEMPLATE');
      expect(error.message).to.match(/^expression nests deeper than 64 levels at column \d+/);
    });
  }

  it('nesting within the limit still evaluates', () => {
    expect(evaluate(`${'('.repeat(30)}1${')'.repeat(30)}`, scope())).to.equal(1);
  });

  it('self-containing data is a TEMPLATE error', () => {
    const loop: unknown[] = [];
    loop.push(loop);
    const error = ferryError(() => renderValue(loop, scope()));
    expect(error.message).to.match(/data nests deeper than 128 levels/);
  });

  it('repetition cannot exhaust memory', () => {
    expect(ferryError(() => evaluate("'x' * 100000000", scope())).message).to.match(/would exceed/);
    expect(ferryError(() => evaluate('[1] * 100000000', scope())).message).to.match(/would exceed/);
  });
});
