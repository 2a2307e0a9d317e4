import { loadInventory } from '../../lib/inventory/loadInventory.js';
import { brokenInventories } from '../fixtures/broken/expectations.js';
import { expectBroken } from '../playbook/support/expectBroken.js';

describe('loadInventory on broken input', () => {
  for (const c of brokenInventories) {
    it(`${c.file}: reports ${c.problems.map(([code]) => code).join(', ')}`, async () => {
      await expectBroken(c, (file) => loadInventory(file));
    });
  }
});
