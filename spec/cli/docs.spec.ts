import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { argumentRows, argumentRules, describeType, moduleText, PLAY_KEYWORD_DOCS, TASK_KEYWORD_DOCS } from '../../lib/docs/index.js';
import { builtinModules } from '../../lib/modules/index.js';
import { loadPlaybook, PLAY_KEYS, TASK_KEYWORDS } from '../../lib/playbook/index.js';

describe('module docs are generated from the schemas that validate playbooks', () => {
  describe('describeType', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a plain type', { type: 'string' }, 'string'],
      ['a union', { type: ['boolean', 'string'] }, 'boolean or string'],
      ['a list of strings', { type: 'array', items: { type: 'string' } }, 'list of string'],
      ['a list of a union', { type: 'array', items: { type: ['string', 'boolean'] } }, 'list of (string or boolean)'],
      ['a mapping of strings', { type: 'object', additionalProperties: { type: 'string' } }, 'mapping of string'],
      ['an enum of words', { enum: ['file', 'directory'] }, 'string'],
      ['a const', { const: 3 }, 'integer'],
      ['anyOf branches, flattened', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, 'string or integer'],
      ['no type at all', { description: 'anything' }, 'any'],
    ];
    for (const [what, schema, expected] of cases) it(what, () => expect(describeType(schema)).to.equal(expected));
  });

  describe('argumentRules', () => {
    const cases: Array<[string, string[]]> = [
      ['command', ['exactly one of: cmd | argv']],
      ['copy', ['exactly one of: content | src']],
      ['debug', ['never together: msg + var']],
      ['env_line', ['at least one of: value | state: absent']],
      ['gitea_user', ['org needs team', 'team needs org']],
      ['token_file', ['at least one of: token | persona + scopes + gitea_url', 'never together: token + persona']],
      ['shell', []],
    ];
    for (const [name, rules] of cases) {
      it(`${name}: ${rules.join('; ') || 'none'}`, () => expect(argumentRules(builtinModules.get(name)!.args)).to.deep.equal(rules));
    }
  });

  it('lists required arguments, defaults, choices and secrets as the schema says', () => {
    const rows = new Map(argumentRows(builtinModules.get('file')!).map((r) => [r.name, r]));
    expect(rows.get('path')).to.include({ required: true, type: 'string' });
    expect(rows.get('state')).to.deep.include({ required: false, default: 'file', choices: ['file', 'directory', 'absent', 'touch'] });
    const token = argumentRows(builtinModules.get('token_file')!).find((r) => r.name === 'token');
    expect(token?.secret).to.equal('always');
    // debug's `value` is set by the engine, not written in playbooks: not documented.
    expect(argumentRows(builtinModules.get('debug')!).map((r) => r.name)).not.to.include('value');
  });

  for (const mod of builtinModules.values()) {
    describe(`module ${mod.name}`, () => {
      it('shows every argument, its summary and an example', () => {
        const text = moduleText(mod);
        expect(text).to.include(mod.summary);
        for (const row of argumentRows(mod)) expect(text).to.match(new RegExp(`^[=-] ${row.name}$`, 'm'));
        expect(mod.example, 'every module needs an example for ferry doc').to.be.a('string').and.not.equal('');
        expect(text).to.include(mod.example!.trim().split('\n')[0]);
      });

      it('has an example that loads as a task without a problem', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'ferry-doc-example-'));
        const tasks = parse(mod.example!) as unknown;
        expect(tasks, 'the example is a YAML list of tasks').to.be.an('array');
        const file = join(dir, 'example.yml');
        writeFileSync(file, JSON.stringify([{ hosts: 'all', tasks }]));
        const playbook = await loadPlaybook(file, { modules: builtinModules });
        expect(playbook.plays[0].tasks.length).to.be.greaterThan(0);
      });
    });
  }

  it('documents every play and task keyword', () => {
    expect(PLAY_KEYS.filter((k) => !PLAY_KEYWORD_DOCS[k]), 'add a line to lib/docs/keywordDocs.ts').to.deep.equal([]);
    expect([...TASK_KEYWORDS].filter((k) => !TASK_KEYWORD_DOCS[k]), 'add a line to lib/docs/keywordDocs.ts').to.deep.equal([]);
  });
});
