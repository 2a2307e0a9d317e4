import { expect } from 'chai';
import { colorEnabled } from '../../lib/report/colorEnabled.js';

describe('colorEnabled', () => {
  const table: Array<[string, boolean | undefined, NodeJS.ProcessEnv, boolean]> = [
    ['a TTY with a plain environment', true, { TERM: 'xterm-256color' }, true],
    ['a TTY without TERM', true, {}, true],
    ['a pipe', false, {}, false],
    ['a stream that does not say', undefined, {}, false],
    ['NO_COLOR=1 on a TTY', true, { NO_COLOR: '1' }, false],
    ['NO_COLOR with any value', true, { NO_COLOR: 'no thanks' }, false],
    ['NO_COLOR=0 still means no colour', true, { NO_COLOR: '0' }, false],
    ['an empty NO_COLOR is unset (no-color.org)', true, { NO_COLOR: '' }, true],
    ['TERM=dumb on a TTY', true, { TERM: 'dumb' }, false],
    ['FORCE_COLOR=1 on a pipe', false, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=3 on a pipe', false, { FORCE_COLOR: '3' }, true],
    ['FORCE_COLOR=1 with TERM=dumb', false, { FORCE_COLOR: '1', TERM: 'dumb' }, true],
    ['FORCE_COLOR=0 on a TTY', true, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a TTY', true, { FORCE_COLOR: 'false' }, false],
    ['an empty FORCE_COLOR is unset', false, { FORCE_COLOR: '' }, false],
    ['NO_COLOR wins over FORCE_COLOR', true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ];
  for (const [label, isTTY, env, expected] of table) {
    it(`${expected ? 'colours' : 'does not colour'} ${label}`, () => {
      expect(colorEnabled({ isTTY }, env)).to.equal(expected);
    });
  }
});
