import { expect } from 'chai';
import { expandHostRange, type HostRange } from '../../lib/inventory/expandHostRange.js';

// Host key → the hosts it stands for, or why it cannot.
const table: Array<[string, HostRange]> = [
  ['plain.example.com', { hosts: ['plain.example.com'] }],
  ['web[1:3]', { hosts: ['web1', 'web2', 'web3'] }],
  ['web[01:03].lan', { hosts: ['web01.lan', 'web02.lan', 'web03.lan'] }],
  ['n[0:6:3]', { hosts: ['n0', 'n3', 'n6'] }],
  ['db-[a:c]', { hosts: ['db-a', 'db-b', 'db-c'] }],
  ['r[1:2]c[a:b]', { hosts: ['r1ca', 'r1cb', 'r2ca', 'r2cb'] }],
  ['web[3:1]', { error: 'range [3:1] ends before it starts' }],
  ['web[a:zz]', { error: 'a range is numbers ([01:10]) or single letters ([a:f])' }],
  ['web[1:3:0]', { error: 'range step must be at least 1' }],
];

describe('expandHostRange', () => {
  for (const [key, want] of table) {
    it(`${key} → ${'hosts' in want ? want.hosts.join(' ') : want.error}`, () => expect(expandHostRange(key)).to.deep.equal(want));
  }
});
