import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FerryErrors } from '../../lib/errors/FerryError.js';
import { builtinModules } from '../../lib/modules/index.js';
import { loadPlaybook } from '../../lib/playbook/loadPlaybook.js';

// A file mode is data that ends up in chmod: a bad one is refused when the playbook is loaded, at its line, with a
// hint, before any host is contacted. Only a templated one waits for its value (the plan checks it once rendered).
describe('file modes are checked when the playbook is loaded', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ferry-mode-load-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const load = async (task: string) => {
    const file = join(dir, 'pb.yml');
    writeFileSync(file, `- hosts: all\n  tasks:\n    - ${task}\n`);
    try {
      await loadPlaybook(file, { modules: builtinModules });
      return [];
    } catch (err) {
      if (!(err instanceof FerryErrors)) throw err;
      return err.problems.map((p) => ({ line: p.where.line, message: p.message, hint: p.hint }));
    }
  };

  // [task, message, hint]
  const refused: Array<[string, string, RegExp]> = [
    ['file: { path: /x, mode: "0644; rm -rf /" }', "module 'file': mode '0644; rm -rf /' is not a file mode", /octal like '0640' or symbolic/],
    ['copy: { dest: /x, content: a, mode: "9999" }', "module 'copy': mode '9999' is not a file mode", /octal like '0640'/],
    ['file: { path: /x, mode: 420 }', "module 'file': mode 420 is a number: YAML reads an unquoted 0420 as decimal 420, not as octal", /^quote the mode: mode: '0420'$/],
    ['token_file: { path: /x, token: t, mode: 0600 }', "module 'token_file': mode 600 is a number: YAML reads an unquoted 0600 as decimal 600, not as octal", /^quote the mode: mode: '0600'$/],
    ['env_line: { path: /x, key: K, value: v, mode: "rw-r--r--" }', "module 'env_line': mode 'rw-r--r--' is not a file mode", /symbolic like 'u=rw,g=r,o='/],
    ['file: { path: /x, mode: "0644\\n; reboot" }', "module 'file': mode '0644\n; reboot' is not a file mode", /octal/],
  ];
  for (const [task, message, hint] of refused) {
    it(`refuses ${task}`, async () => {
      const problems = await load(task);
      expect(problems.map((p) => [p.line, p.message])).to.deep.include([3, message]);
      expect(problems.find((p) => p.message === message)?.hint).to.match(hint);
    });
  }

  const accepted = [
    'file: { path: /x, mode: "0640" }',
    'file: { path: /x, mode: "640" }',
    'copy: { dest: /x, content: a, mode: "u=rw,g=r,o=" }',
    'token_file: { path: /x, token: t }',
    'file: { path: /x, mode: "{{ wanted_mode }}" }',
  ];
  for (const task of accepted) {
    it(`accepts ${task}`, async () => {
      expect(await load(task)).to.deep.equal([]);
    });
  }
});
