import { Ajv } from 'ajv';
import { expect } from 'chai';
import { parse } from 'yaml';
import { builtinModules } from '../../lib/modules/index.js';
import { playbookAjv } from '../../lib/playbook/playbookAjv.js';
import { playSchema } from '../../lib/playbook/playSchema.js';
import { taskSchema } from '../../lib/playbook/taskSchema.js';

/** The loader's settings: draft-07, every error, strict. */
const validatorOf = (name: string) => new Ajv({ allErrors: true, strict: true }).compile(builtinModules.get(name)!.args);

describe('module argument schemas', () => {
  // A run's ajv skips the meta-schema check, so this is where a malformed schema is caught.
  it('every schema ferry compiles is valid draft-07 (checked here, not at every start)', () => {
    const meta = new Ajv({ strict: true, allowUnionTypes: true });
    meta.addVocabulary(['expects']);
    const schemas: Array<[string, object]> = [['play', playSchema], ['task', taskSchema], ...[...builtinModules].map(([n, m]): [string, object] => [n, m.args])];
    for (const [name, schema] of schemas) expect(meta.validateSchema(schema), `${name}: ${meta.errorsText()}`).to.equal(true);
    expect(meta.validateSchema({ type: 'object', properties: { a: { type: 'strnig' } } })).to.equal(false);
    expect(playbookAjv().opts.validateSchema).to.equal(false);
  });

  it('registers every module under its own name', () => {
    expect([...builtinModules.keys()]).to.include.members(['command', 'shell', 'file', 'copy', 'debug', 'env_line', 'cron_script', 'user']);
    for (const [name, m] of builtinModules) expect(m.name).to.equal(name);
  });

  for (const [name, m] of builtinModules) {
    it(`${name}: compiles under strict ajv and accepts its own example`, () => {
      const validate = validatorOf(name);
      expect(m.example, `${name} has an example`).to.be.a('string');
      const [task] = parse(m.example ?? '') as Array<Record<string, unknown>>;
      const args = task[name];
      const given = typeof args === 'string' ? { [m.freeForm ?? '']: args } : args;
      expect(validate(given), JSON.stringify(validate.errors)).to.equal(true);
    });
  }

  // [module, args, valid]
  const table: Array<[string, Record<string, unknown>, boolean]> = [
    ['command', { cmd: 'ls' }, true],
    ['command', { argv: ['ls', '-l'] }, true],
    ['command', { cmd: 'ls', argv: ['ls'] }, false],
    ['command', {}, false],
    ['command', { cmd: 'ls', creates: '/x', removes: '/y', chdir: '/', stdin: 'a', stdin_add_newline: false }, true],
    ['command', { cmd: 'ls', executable: '/bin/bash' }, false],
    ['shell', { cmd: 'a | b', executable: '/bin/bash' }, true],
    ['shell', { argv: ['a'] }, false],
    ['file', { path: '/x', state: 'directory', mode: '0750', owner: 'root', group: 0 }, true],
    ['file', { path: '/x', mode: 640 }, true],
    ['file', { path: '/x', state: 'link' }, false],
    ['file', { state: 'absent' }, false],
    ['file', { path: '/x', recurse: true }, false],
    ['copy', { dest: '/x', content: 'a' }, true],
    ['copy', { dest: '/x', src: 'files/a', backup: true, force: false, mode: 'u=rw' }, true],
    ['copy', { dest: '/x', content: 'a', src: 'b' }, false],
    ['copy', { dest: '/x' }, false],
    ['copy', { content: 'a' }, false],
    ['debug', { msg: { any: ['thing'] } }, true],
    ['debug', { var: 'x', verbosity: 1 }, true],
    ['debug', { msg: 'a', var: 'x' }, false],
    ['debug', { verbosity: -1 }, false],
  ];
  for (const [name, args, valid] of table) {
    it(`${name} ${valid ? 'accepts' : 'refuses'} ${JSON.stringify(args)}`, () => {
      expect(validatorOf(name)(args)).to.equal(valid);
    });
  }
});
