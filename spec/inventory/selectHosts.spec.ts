import { expect } from 'chai';
import path from 'node:path';
import { FerryError } from '../../lib/errors/FerryError.js';
import { loadInventory } from '../../lib/inventory/loadInventory.js';
import { patternTerms } from '../../lib/inventory/patternTerms.js';
import { selectHosts } from '../../lib/inventory/selectHosts.js';
import type { Inventory } from '../../lib/inventory/types.js';
import { removeTempTrees, tempTree } from '../playbook/support/tempTree.js';
import { SAMPLE_INVENTORY } from './sample.js';

const W1 = 'web01.example.com';
const W2 = 'web02.example.com';
const W3 = 'web03.example.com';

// Pattern → hosts, in inventory order (bastion, web01-03, db1), each once; wildcards and ~regex match group names too.
const table: Array<[string, string[]]> = [
  ['all', ['bastion', W1, W2, W3, 'db1']],
  ['*', ['bastion', W1, W2, W3, 'db1']],
  ['db1', ['db1']],
  ['web', [W1, W2, W3]],
  ['ungrouped', ['bastion']],
  ['db:web', [W1, W2, W3, 'db1']],
  ['db,web', [W1, W2, W3, 'db1']],
  ['web:&db', [W3]],
  ['web:!canary', [W2, W3]],
  ['!canary:web', [W2, W3]],
  ['prod:!db:&web', [W1, W2]],
  ['!db', ['bastion', W1, W2]],
  ['web0*', [W1, W2, W3]],
  ['*.example.com', [W1, W2, W3]],
  ['web0[12].example.com', [W1, W2]],
  ['can*', [W1]],
  ['~web0[13]', [W1, W3]],
  ['~(db|bast)', ['bastion', W3, 'db1']],
  ['~bast', ['bastion']],
  ['web[0]', [W1]],
  ['web[-1]', [W3]],
  ['web[1:2]', [W2, W3]],
  ['web[1:]', [W2, W3]],
  ['nosuch', []],
  ['nosuch:db1', ['db1']],
  [' web , db1 ', [W1, W2, W3, 'db1']],
];

describe('selectHosts', () => {
  after(removeTempTrees);
  let inv: Inventory;
  before(async () => {
    const dir = await tempTree({ 'hosts.yml': SAMPLE_INVENTORY });
    inv = await loadInventory(path.join(dir, 'hosts.yml'));
  });

  for (const [pattern, hosts] of table) {
    it(`'${pattern}' → ${hosts.length === 0 ? 'nothing' : hosts.join(' ')}`, () => {
      expect(selectHosts(inv, pattern)).to.deep.equal(hosts);
    });
  }

  it('refuses a broken regular expression with a LIMIT error', () => {
    expect(() => selectHosts(inv, '~web[')).to.throw(FerryError).with.property('code', 'LIMIT');
  });

  it('orders terms as Ansible does: unions, then intersections, then exclusions', () => {
    expect(patternTerms('!a:&b:c,d').map((t) => t.text)).to.deep.equal(['c', 'd', '&b', '!a']);
    expect(patternTerms('!a').map((t) => t.text)).to.deep.equal(['all', '!a']);
    expect(patternTerms('web[0:2]:db').map((t) => t.body)).to.deep.equal(['web[0:2]', 'db']);
  });
});
