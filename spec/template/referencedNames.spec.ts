import { expect } from 'chai';
import { referencedNames } from '../../lib/template/index.js';
import { ferryError } from './fixtures.js';

describe('template: referencedNames', () => {
  const TEMPLATES: Array<[unknown, string[], string[]]> = [
    ['plain text', [], []],
    ['{{ a }}', ['a'], ['a']],
    ['{{ a.b.c }} and {{ d[e] }}', ['a', 'd', 'e'], ['a', 'd', 'e']],
    ['{{ hostvars[inventory_hostname].port }}', ['hostvars', 'inventory_hostname'], ['hostvars', 'inventory_hostname']],
    ["{{ x | default(y) }}", ['x', 'y'], ['y']],
    ["{{ x.deep | d('') }}", ['x'], []],
    // A guard anywhere in an expression covers the name there: `and` never reads x > 1 when x is undefined.
    ['{{ x is defined and x > 1 }}', ['x'], []],
    ['{{ x is defined }} {{ x > 1 }}', ['x'], ['x']],
    ['{{ x is defined }}', ['x'], []],
    ["{{ items | map(attribute=key) | join(sep) }}", ['items', 'key', 'sep'], ['items', 'key', 'sep']],
    ["{{ 'a' if c else b }}", ['c', 'b'], ['c', 'b']],
    ['{{ true }} {{ none }} {{ 1 }}', [], []],
    [{ args: ['{{ a }}', { k: '{{ b }}' }], n: 3 }, ['a', 'b'], ['a', 'b']],
    ['{{ a }}{{ a }}', ['a'], ['a']],
  ];
  for (const [value, all, required] of TEMPLATES) {
    it(`${JSON.stringify(value)} → ${JSON.stringify(all)} (required: ${JSON.stringify(required)})`, () => {
      expect(referencedNames(value)).to.deep.equal(all);
      expect(referencedNames(value, { requiredOnly: true })).to.deep.equal(required);
    });
  }

  it('reads a bare expression when asked', () => {
    expect(referencedNames('result.rc == 0 and token is defined', { expression: true })).to.deep.equal(['result', 'token']);
    expect(referencedNames('result.rc == 0', {})).to.deep.equal([]);
  });

  it('checks syntax at load time, at the position given', () => {
    const error = ferryError(() => referencedNames({ x: '{{ a | lowr }}' }, { where: { file: 'p.yml', line: 2, col: 3 } }));
    expect(error.code).to.equal('TEMPLATE');
    expect(error.message).to.match(/^unknown filter 'lowr' at column 8/);
    expect(error.where).to.deep.equal({ file: 'p.yml', line: 2, col: 3 });
  });
});
