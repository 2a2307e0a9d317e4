import { expect } from 'chai';
import { hasTemplate, literal, renderValue } from '../../lib/template/index.js';
import { scope } from './fixtures.js';

// A lone `{{ }}` keeps the native type; anything mixed with text is a string.
const CASES: Array<[unknown, unknown]> = [
  ['plain text', 'plain text'],
  ['{ not a template }', '{ not a template }'],
  ['}} stray closers', '}} stray closers'],
  ['{{ n }}', 7],
  ['{{n}}', 7],
  [' \t{{ list }} ', [3, 1, 2]],
  ['{{ n }}\n', '7\n'],
  ['  {{ list }}\n', '  [3,1,2]\n'],
  ['{{ user }}', { login: 'bob', token: 'tok-123', groups: ['ops', 'dev'], home: '/home/bob' }],
  ['{{ yes }}', true],
  ['{{ nothing }}', null],
  ['{{ f }}', 2.5],
  ["{{ 'text' }}", 'text'],
  ["{{ '[1, 2]' }}", '[1, 2]'],
  ['n={{ n }}', 'n=7'],
  ['{{ n }}{{ n }}', '77'],
  ['{{ n }} {{ s }}', '7 Hello'],
  ['[{{ yes }}, {{ no }}]', '[true, false]'],
  ['x{{ nothing }}y', 'xy'],
  ['list: {{ list }}', 'list: [3,1,2]'],
  ["map: {{ {'a': 1} }}", 'map: {"a":1}'],
  ['f={{ f }}', 'f=2.5'],
  ["{{ '}}' }}", '}}'],
  ["a{{ '{{' }}b", 'a{{b'],
  ["{{ {'k': {'j': 1}}.k.j }}", 1],
  ['{{ greeting }}!', 'Hi bob!'],
  [42, 42],
  [true, true],
  [null, null],
  [['{{ n }}', 'n{{ n }}', 3], [7, 'n7', 3]],
  [{ a: '{{ list | length }}', b: { c: ['{{ s | upper }}'] } }, { a: 3, b: { c: ['HELLO'] } }],
  [{ '{{ n }}': 'keys are not rendered' }, { '{{ n }}': 'keys are not rendered' }],
];

describe('template: renderValue', () => {
  for (const [input, expected] of CASES) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(renderValue(input, scope())).to.deep.equal(expected);
    });
  }

  it('returns copies: rendering never changes the input', () => {
    const input = { list: ['{{ n }}'], nested: { x: 1 } };
    const output = renderValue(input, scope()) as typeof input;
    expect(output).to.not.equal(input);
    expect(output.nested).to.not.equal(input.nested);
    expect(input.list[0]).to.equal('{{ n }}');
  });

  it('hands back literal() values verbatim, braces and all', () => {
    const out = renderValue({ secret: literal('p{{a}}ss'), list: [literal('{{ x }}')] }, scope());
    expect(out).to.deep.equal({ secret: 'p{{a}}ss', list: ['{{ x }}'] });
  });

  it('keeps getter-backed properties lazy: an unread broken value costs nothing', () => {
    let reads = 0;
    const lazy = {};
    Object.defineProperty(lazy, 'x', { enumerable: true, get: () => ++reads });
    const out = renderValue({ lazy }, scope()) as { lazy: { x: number } };
    expect(reads).to.equal(0);
    expect(out.lazy.x).to.equal(1);
  });
});

describe('template: hasTemplate', () => {
  const TABLE: Array<[unknown, boolean]> = [
    ['plain', false],
    ['{ x }', false],
    ['{{ x }}', true],
    ['a {% if %}', true],
    ['{# note #}', true],
    [['a', { b: ['{{ c }}'] }], true],
    [{ a: 1, b: [2, 'x'] }, false],
    [literal('{{ x }}'), false],
    [42, false],
    [null, false],
  ];
  for (const [value, expected] of TABLE) {
    it(`${JSON.stringify(value)} → ${expected}`, () => expect(hasTemplate(value)).to.equal(expected));
  }
});
