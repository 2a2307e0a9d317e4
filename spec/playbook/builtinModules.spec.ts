import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from '../../lib/modules/index.js';
import { loadPlaybook } from '../../lib/playbook/loadPlaybook.js';
import { moduleArgsValidator } from '../../lib/playbook/playbookAjv.js';

const shipped = path.relative(process.cwd(), fileURLToPath(new URL('../../playbooks', import.meta.url)));

describe('the loader with the real module registry', () => {
  for (const [name, mod] of builtinModules) {
    it(`compiles ${name}'s argument schema under strict ajv`, () => {
      const validate = moduleArgsValidator(mod);
      expect('broken' in validate ? validate.broken : 'compiled').to.equal('compiled');
    });
  }

  const playbooks = readdirSync(shipped).filter((f) => /\.ya?ml$/.test(f));
  it('finds the shipped playbooks', () => expect(playbooks).not.to.be.empty);
  for (const file of playbooks) {
    it(`loads playbooks/${file} without a problem`, async () => {
      const pb = await loadPlaybook(path.join(shipped, file), { modules: builtinModules });
      expect(pb.plays).not.to.be.empty;
    });
  }
});
