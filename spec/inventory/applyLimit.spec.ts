import { expect } from 'chai';
import path from 'node:path';
import { FerryError } from '../../lib/errors/FerryError.js';
import { applyLimit } from '../../lib/inventory/applyLimit.js';
import { loadInventory } from '../../lib/inventory/loadInventory.js';
import type { Inventory } from '../../lib/inventory/types.js';
import { removeTempTrees, tempTree } from '../playbook/support/tempTree.js';
import { SAMPLE_INVENTORY } from './sample.js';

const W1 = 'web01.example.com';
const W2 = 'web02.example.com';
const W3 = 'web03.example.com';

describe('applyLimit', () => {
  after(removeTempTrees);
  let inv: Inventory;
  let dir: string;
  before(async () => {
    dir = await tempTree({
      'hosts.yml': SAMPLE_INVENTORY,
      'retry.txt': `# failed last time\n${W2}\n\ndb1\n`,
      'empty.retry': '\n',
    });
    inv = await loadInventory(path.join(dir, 'hosts.yml'));
  });

  const play = [W1, W2, W3, 'db1'];
  const table: Array<[string, string[]]> = [
    ['web', [W1, W2, W3]],
    ['canary', [W1]],
    ['db1:bastion', ['db1']],
    ['all:!canary', [W2, W3, 'db1']],
    ['web:&db', [W3]],
    ['*01*', [W1]],
  ];
  for (const [limit, hosts] of table) {
    it(`--limit '${limit}' keeps ${hosts.join(' ')}`, () => expect(applyLimit(inv, play, limit)).to.deep.equal(hosts));
  }

  it('keeps the play order of the hosts it was given', () => {
    expect(applyLimit(inv, ['db1', W1], 'all')).to.deep.equal(['db1', W1]);
  });

  it('reads @file: one host per line, comments and blank lines skipped', () => {
    expect(applyLimit(inv, play, `@${path.join(dir, 'retry.txt')}`)).to.deep.equal([W2, 'db1']);
  });

  it('an empty retry file selects nothing and says so (it never falls back to all)', () => {
    const file = path.join(dir, 'empty.retry');
    expect(() => applyLimit(inv, play, `@${file}`)).to.throw(FerryError, `'@${file}' matched no host`);
  });

  it('names the pattern that matched nothing', () => {
    const err = (() => {
      try {
        applyLimit(inv, play, 'wbe:nosuch');
      } catch (e) {
        return e as FerryError;
      }
    })();
    expect(err?.code).to.equal('LIMIT');
    expect(err?.message).to.equal("--limit 'wbe:nosuch': 'wbe', 'nosuch' matched no host of the inventory");
    expect(err?.hint).to.be.a('string');
  });

  it('says when a limit matches hosts, but none of the play', () => {
    expect(() => applyLimit(inv, [W1], 'db')).to.throw(FerryError, "--limit 'db' leaves none of the play's hosts (web01.example.com)");
  });

  it('a missing limit file is a LIMIT error', () => {
    expect(() => applyLimit(inv, play, '@no-such-retry-file')).to.throw(FerryError, "limit file 'no-such-retry-file' not found");
  });
});
