import { expect } from 'chai';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadPlaybook } from '../../lib/playbook/loadPlaybook.js';
import { brokenInventories, brokenPlaybooks } from '../fixtures/broken/expectations.js';
import { BROKEN_DIR, expectBroken } from './support/expectBroken.js';
import { testModules } from './support/testModules.js';

describe('loadPlaybook on broken input', () => {
  for (const c of brokenPlaybooks) {
    it(`${c.file}: reports ${c.problems.map(([code]) => code).join(', ')}`, async () => {
      await expectBroken(c, (file) => loadPlaybook(file, { modules: testModules }));
    });
  }

  it('has an expectation for every file of the corpus, and at least 25 of them', () => {
    const roots = readdirSync(BROKEN_DIR).flatMap((name) => {
      if (name === 'parts') return [];
      const full = path.join(BROKEN_DIR, name);
      if (statSync(full).isDirectory()) return [`${name}/hosts.yml`];
      return name.endsWith('.yml') ? [name] : [];
    });
    const covered = new Set([...brokenPlaybooks, ...brokenInventories].map((c) => c.file));
    expect(roots.filter((r) => !covered.has(r))).to.deep.equal([]);
    expect(covered.size).to.be.at.least(25);
  });
});
