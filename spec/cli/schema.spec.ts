import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { REPO, runFerry } from '../support/runFerry.js';

const BROKEN = 'spec/fixtures/broken';

/** What the editor schema must say about each broken playbook of the corpus. */
type Verdict =
  /** The YAML itself is broken: an editor's YAML parser reports it, the schema never sees a document. */
  | 'yaml'
  /** Only loading can tell (a missing or cyclic file, a YAML tag): the schema passes it. */
  | 'loader'
  /** The schema fails it, with an error at (or under) each of these places. */
  | string[];

const PLAYBOOK_CORPUS: Record<string, Verdict> = {
  'yaml-syntax.yml': 'yaml',
  'tab-indent.yml': 'yaml',
  'duplicate-key.yml': 'yaml',
  'alias-bomb.yml': 'yaml',
  'multi-document.yml': 'yaml',
  'vault-value.yml': 'loader',
  'missing-vars-file.yml': 'loader',
  'include-cycle.yml': 'loader',
  'import-cycle.yml': 'loader',
  'missing-include.yml': 'loader',
  'import-missing-playbook.yml': 'loader',
  'vars-file-not-mapping.yml': 'loader',
  'unknown-module.yml': ['/0/tasks/0'],
  'typo-module.yml': ['/0/tasks/0', '/0/tasks/1'],
  'unknown-task-key.yml': ['/0/tasks/0', '/0/tasks/1'],
  'unknown-play-key.yml': ['/0'],
  'wrong-types.yml': ['/0/serial/0', '/0/max_fail_percentage', '/0/any_errors_fatal', '/0/tasks/0/become', '/0/tasks/1/register', '/0/tasks/2/tags'],
  'two-modules.yml': ['/0/tasks/0'],
  'missing-hosts.yml': ['/0'],
  'list-of-strings.yml': ['/0', '/1'],
  'empty.yml': [''],
  'playbook-is-mapping.yml': [''],
  'bad-module-args.yml': ['/0/tasks/0/file', '/0/tasks/1/file', '/0/tasks/2/file', '/0/tasks/3/token_file/token'],
  'errors-everywhere.yml': ['/0/become', '/0/tasks/1'],
  'task-not-mapping.yml': ['/0/tasks/0', '/0/tasks/1'],
  'misused-block.yml': ['/0/tasks/0', '/0/tasks/1'],
  'templated-include.yml': ['/0/tasks/0/include_tasks'],
  'bad-secrets.yml': ['/0/secrets'],
};

/** Task files of the corpus (include targets), checked against the task-file schema. */
const TASK_FILE_CORPUS: Record<string, Verdict> = {
  'parts/broken-tasks.yml': ['/0/debug', '/1'],
  'parts/cycle-a.yml': 'loader',
  'parts/cycle-b.yml': 'loader',
};

/** Playbooks that must pass: what ships, and the spec playbooks that exercise every keyword. */
const GOOD_DIRS = ['playbooks', 'spec/fixtures/playbooks', 'spec/language/playbooks'];

function yamlFiles(dir: string): string[] {
  return readdirSync(join(REPO, dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
}

function compile(file: string): ValidateFunction {
  // A plain, strict draft-07 validator, as an editor's would be: no ferry vocabulary, no unknown keywords.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
  return ajv.compile(JSON.parse(readFileSync(join(REPO, file), 'utf8')));
}

/** The one YAML document of a file as an editor's parser reads it; nothing when the YAML itself is broken. */
function parsed(file: string): { data?: unknown } {
  const docs = parseAllDocuments(readFileSync(join(REPO, file), 'utf8'));
  if (!Array.isArray(docs) || docs.length > 1 || docs.some((d) => d.errors.length > 0)) return {};
  try {
    return { data: docs[0]?.toJS({ maxAliasCount: 100 }) ?? null };
  } catch {
    return {};
  }
}

function judge(validate: ValidateFunction, file: string, verdict: Verdict): void {
  const { data } = parsed(file);
  if (verdict === 'yaml') {
    expect(data, `${file} should not parse as YAML`).to.equal(undefined);
    return;
  }
  expect(data, `${file} should parse as YAML`).not.to.equal(undefined);
  const ok = validate(data ?? null);
  const at = (validate.errors ?? []).map((e: ErrorObject) => e.instancePath);
  if (verdict === 'loader') {
    expect(ok, `${file} passes the schema: ${at.join(', ')}`).to.equal(true);
    return;
  }
  expect(ok, `${file} fails the schema`).to.equal(false);
  for (const place of verdict) expect(at.some((p) => p === place || p.startsWith(`${place}/`)), `${file}: an error at ${place} (got ${at.join(', ')})`).to.equal(true);
}

describe('the editor schema (ferry schema, schema/*.schema.json)', () => {
  let playbookSchema: ValidateFunction;
  let taskSchema: ValidateFunction;
  before(() => {
    playbookSchema = compile('schema/playbook.schema.json');
    taskSchema = compile('schema/tasks.schema.json');
  });

  it('is committed exactly as `ferry schema` and `ferry schema --tasks` print it', async () => {
    for (const [args, file] of [[['schema'], 'schema/playbook.schema.json'], [['schema', '--tasks'], 'schema/tasks.schema.json']] as const) {
      const res = await runFerry([...args]);
      expect(res.code, res.stderr).to.equal(0);
      const same = readFileSync(join(REPO, file), 'utf8') === res.stdout;
      expect(same, `${file} is stale: run \`npx ferry ${args.join(' ')} > ${file}\``).to.equal(true);
    }
  });

  for (const dir of GOOD_DIRS) {
    it(`accepts every playbook under ${dir}/`, () => {
      const files = yamlFiles(dir);
      expect(files.length).to.be.greaterThan(0);
      for (const f of files) {
        const { data } = parsed(join(dir, f));
        const ok = playbookSchema(data);
        expect(ok, `${dir}/${f}: ${JSON.stringify(playbookSchema.errors?.slice(0, 3))}`).to.equal(true);
      }
    });
  }

  it('has a verdict for every broken playbook of the corpus', () => {
    const files = yamlFiles(BROKEN).filter((f) => !f.startsWith('inventory-'));
    expect(files.filter((f) => !(f in PLAYBOOK_CORPUS)), 'add them to PLAYBOOK_CORPUS in spec/cli/schema.spec.ts').to.deep.equal([]);
  });

  for (const [file, verdict] of Object.entries(PLAYBOOK_CORPUS)) {
    const what = verdict === 'yaml' ? 'is broken YAML, before any schema' : verdict === 'loader' ? 'passes: only loading can tell' : `fails at ${verdict.map((p) => p || '(root)').join(', ')}`;
    it(`${file} ${what}`, () => judge(playbookSchema, join(BROKEN, file), verdict));
  }

  for (const [file, verdict] of Object.entries(TASK_FILE_CORPUS)) {
    it(`task file ${file} ${verdict === 'loader' ? 'passes' : `fails at ${(verdict as string[]).join(', ')}`}`, () => judge(taskSchema, join(BROKEN, file), verdict));
  }

  it('accepts a template wherever a typed argument goes, and still rejects a wrong literal', () => {
    const play = (args: Record<string, unknown>) => [{ hosts: 'all', tasks: [{ file: { path: '/x', ...args } }] }];
    expect(playbookSchema(play({ state: '{{ wanted_state }}', mode: '{{ m }}' })), JSON.stringify(playbookSchema.errors)).to.equal(true);
    expect(playbookSchema(play({ state: 'directroy' }))).to.equal(false);
    const scopes = [{ hosts: 'all', tasks: [{ token_file: { path: '/t', persona: 'p', scopes: '{{ s }}', gitea_url: '{{ url }}' } }] }];
    expect(playbookSchema(scopes), JSON.stringify(playbookSchema.errors)).to.equal(true);
  });
});
