import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { parseShard } from '../../lib/cli/shard/parseShard.js';
import { shardHosts } from '../../lib/cli/shard/shardHosts.js';

const names = (n: number, prefix = 'web') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('--shard K/N: parsing', () => {
  const good: Array<[string, { index: number; count: number }]> = [
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 4 / 4 ', { index: 4, count: 4 }],
    ['10/12', { index: 10, count: 12 }],
  ];
  for (const [text, want] of good) it(`reads '${text}'`, () => expect(parseShard(text)).to.deep.equal(want));

  for (const text of ['0/4', '5/4', '1/0', '0/0', '-1/2', '1', '1/2/3', 'a/b', '', '1.5/2']) {
    it(`refuses '${text}' with a USAGE error and a hint`, () => {
      expect(() => parseShard(text)).to.throw(FerryError).that.satisfies((e: FerryError) => e.code === 'USAGE' && /--shard K\/N/.test(e.hint ?? ''));
    });
  }
});

describe('--shard K/N: every host in exactly one slice, slices even', () => {
  const cases: Array<[string, string[], number]> = [
    ['1 host, 1 slice', names(1), 1],
    ['1 host, 3 slices', names(1), 3],
    ['5 hosts, 2 slices', names(5), 2],
    ['10 hosts, 4 slices', names(10), 4],
    ['200 hosts, 7 slices', names(200), 7],
    ['mixed names, 3 slices', ['db-2', 'Web1', 'web1', 'db-10', '10.0.0.5', 'app.example.org', 'z'], 3],
  ];
  for (const [title, hosts, count] of cases) {
    it(title, () => {
      const slices = Array.from({ length: count }, (_, k) => shardHosts(hosts, { index: k + 1, count }));
      const dealt = slices.flat();
      expect([...dealt].sort(), 'the union is every host').to.deep.equal([...hosts].sort());
      expect(new Set(dealt).size, 'no host in two slices').to.equal(dealt.length);
      const sizes = slices.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes), `sizes ${sizes.join(',')}`).to.be.at.most(1);
    });
  }

  it('depends on the set of hosts only, not on the order the inventory lists them', () => {
    const hosts = names(23);
    const shuffled = [...hosts].reverse();
    for (let k = 1; k <= 4; k++) expect(shardHosts(shuffled, { index: k, count: 4 })).to.deep.equal(shardHosts(hosts, { index: k, count: 4 }));
  });

  it('deals sorted names round-robin (host i to slice i mod N)', () => {
    expect(shardHosts(['c', 'a', 'e', 'b', 'd'], { index: 1, count: 2 })).to.deep.equal(['a', 'c', 'e']);
    expect(shardHosts(['c', 'a', 'e', 'b', 'd'], { index: 2, count: 2 })).to.deep.equal(['b', 'd']);
  });
});
