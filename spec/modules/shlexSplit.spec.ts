import { expect } from 'chai';
import { shlexSplit } from '../../lib/modules/shlexSplit.js';

describe('shlexSplit (Python shlex.split, POSIX mode)', () => {
  const table: Array<[string, string[]]> = [
    ['ls -l /tmp', ['ls', '-l', '/tmp']],
    ['  spaced   out\t\nwords ', ['spaced', 'out', 'words']],
    ["echo 'a b' c", ['echo', 'a b', 'c']],
    ['echo "a b" c', ['echo', 'a b', 'c']],
    ['echo $HOME | cat; rm -rf /', ['echo', '$HOME', '|', 'cat;', 'rm', '-rf', '/']],
    ['echo `id` $(id)', ['echo', '`id`', '$(id)']],
    ["a'b'\"c\"d", ['abcd']],
    ["echo ''", ['echo', '']],
    ['echo ""', ['echo', '']],
    ['echo a\\ b', ['echo', 'a b']],
    ['echo "a\\"b"', ['echo', 'a"b']],
    ['echo "a\\$b"', ['echo', 'a\\$b']],
    ["echo 'a\\b'", ['echo', 'a\\b']],
    ['', []],
  ];
  for (const [input, words] of table) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(words)}`, () => {
      expect(shlexSplit(input)).to.deep.equal(words);
    });
  }

  for (const bad of ["echo 'open", 'echo "open', 'trailing\\']) {
    it(`refuses ${JSON.stringify(bad)} with a hint`, () => {
      expect(() => shlexSplit(bad)).to.throw('cmd cannot be split').with.property('hint').that.matches(/argv/);
    });
  }
});
