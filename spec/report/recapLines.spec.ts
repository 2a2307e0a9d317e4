import { expect } from 'chai';
import { banner } from '../../lib/report/banner.js';
import { paletteFor } from '../../lib/report/palette.js';
import { recapLine } from '../../lib/report/recapLines.js';
import { emptyRecap } from '../../lib/report/recapOf.js';
import type { Recap } from '../../lib/report/types.js';

const plain = paletteFor(false);

describe('banner', () => {
  const table: Array<[string, string]> = [
    ['PLAY RECAP', `PLAY RECAP ${'*'.repeat(69)}`],
    ['TASK [x]', `TASK [x] ${'*'.repeat(71)}`],
    [`TASK [${'n'.repeat(80)}]`, `TASK [${'n'.repeat(80)}] ***`],
  ];
  for (const [title, expected] of table) {
    it(`pads "${title.slice(0, 20)}" to 80 columns, never fewer than 3 stars`, () => {
      expect(banner(title)).to.equal(expected);
    });
  }
});

describe('recapLine', () => {
  const table: Array<[string, string, Partial<Recap>, string]> = [
    ['all zero', 'h', {}, `h${' '.repeat(25)} : ok=0    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0`],
    ['a name of 26', 'x'.repeat(26), { ok: 1 }, `${'x'.repeat(26)} : ok=1    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0`],
    ['a longer name is not cut', 'y'.repeat(30), {}, `${'y'.repeat(30)} : ok=0    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0`],
    ['wide counts keep a space between fields', 'h', { ok: 12345, changed: 123 }, `h${' '.repeat(25)} : ok=12345 changed=123  unreachable=0    failed=0    skipped=0    rescued=0    ignored=0`],
    ['pending shows only when non-zero', 'h', { pending: 2 }, `h${' '.repeat(25)} : ok=0    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0    pending=2`],
  ];
  for (const [label, host, counts, expected] of table) {
    it(label, () => {
      expect(recapLine(host, { ...emptyRecap(), ...counts }, plain)).to.equal(expected);
    });
  }

  it('colours the host red when it failed or was unreachable, yellow when it changed, green otherwise', () => {
    const color = paletteFor(true);
    expect(recapLine('h', { ...emptyRecap(), unreachable: 1 }, color)).to.match(/^\u001b\[31mh\u001b\[39m/);
    expect(recapLine('h', { ...emptyRecap(), ok: 1, changed: 1 }, color)).to.match(/^\u001b\[33mh\u001b\[39m/);
    expect(recapLine('h', { ...emptyRecap(), ok: 1 }, color)).to.match(/^\u001b\[32mh\u001b\[39m/);
  });
});
