import { expect } from 'chai';
import path from 'node:path';
import { preflight } from '../../lib/engine/preflight/preflight.js';
import { MAGIC_NAMES } from '../../lib/engine/preflight/magicNames.js';
import { requiredNames } from '../../lib/engine/preflight/requiredNames.js';
import { HostState } from '../../lib/engine/HostState.js';
import { scopeFor } from '../../lib/engine/scopeFor.js';
import { FerryErrors } from '../../lib/errors/FerryError.js';
import { loadInventory } from '../../lib/inventory/loadInventory.js';
import { builtinModules } from '../../lib/modules/index.js';
import { loadPlaybook } from '../../lib/playbook/loadPlaybook.js';
import { removeTempTrees, tempTree, type Tree } from '../playbook/support/tempTree.js';

const INVENTORY = `all:
  vars: { region: eu }
  children:
    web:
      vars: { port: 8080 }
      hosts:
        web1: { role: primary }
        web2:
    db:
      hosts:
        db1:
`;

/** A one-play playbook on `web` with the given task list (YAML, indented as list items under tasks:). */
const play = (tasks: string, head = ''): string => `- hosts: web\n${head}  tasks:\n${tasks}`;

interface Case {
  title: string;
  tree: Tree;
  extraVars?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** The problems, each the start of `file:line:col: message` relative to the tree, in order; none means it passes. */
  problems: string[];
}

const cases: Case[] = [
  { title: 'inventory, play vars, -e, magic vars and secrets are known', problems: [], env: { TOKEN_ENV: 'abcdef' },
    extraVars: { from_cli: 1 },
    tree: { 'pb.yml': play(`    - debug: { msg: "{{ region }} {{ port }} {{ role }} {{ v }} {{ from_cli }} {{ inventory_hostname }} {{ groups.web }} {{ hostvars['web1'].role }} {{ ansible_check_mode }} {{ token }}" }\n`, '  vars: { v: 1 }\n  secrets:\n    token: { env: TOKEN_ENV }\n') } },
  { title: 'a host var of one host of the play is enough', problems: [],
    tree: { 'pb.yml': play('    - debug: { msg: "{{ role }}" }\n') } },
  { title: 'a var of a host outside the play is not', problems: ["pb.yml:3:21: 'db_only' is undefined (in argument 'msg')"],
    tree: { 'pb.yml': play('    - debug: { msg: "{{ db_only }}" }\n'), 'host_vars/db1.yml': 'db_only: 1\n' } },
  { title: 'registered and set_fact names are known in every play, before and after', problems: [],
    tree: { 'pb.yml': `${play('    - debug: { msg: "{{ later.stdout }} {{ fact }}" }\n    - command: echo\n      register: later\n')}- hosts: db\n  tasks:\n    - set_fact: { fact: 1 }\n` } },
  { title: 'loop variables inside the looped task only, index_var too', problems: ["pb.yml:7:21: 'pkg' is undefined (in argument 'msg')"],
    tree: { 'pb.yml': play('    - debug: { msg: "{{ pkg }} {{ i }}" }\n      loop: [a]\n      loop_control: { loop_var: pkg, index_var: i, label: "{{ pkg }}" }\n      when: pkg != i\n    - debug: { msg: "{{ pkg }}" }\n') } },
  { title: 'the loop itself cannot read item', problems: ["pb.yml:3:7: 'item' is undefined (in 'loop')"],
    tree: { 'pb.yml': play('    - debug: { msg: "{{ item }}" }\n      loop: "{{ item }}"\n') } },
  { title: 'block and task vars reach the tasks inside them only', problems: ["pb.yml:8:21: 'inner' is undefined (in argument 'msg')"],
    tree: { 'pb.yml': play('    - vars: { inner: 1 }\n      block:\n        - debug: { msg: "{{ inner }} {{ own }}" }\n          vars: { own: 2 }\n      when: inner == 1\n    - debug: { msg: "{{ inner }}" }\n') } },
  { title: 'guards: default, is defined, is undefined, and names guarded elsewhere in the expression', problems: [],
    tree: { 'pb.yml': play(`    - debug: { msg: "{{ a | default(1) }} {{ b.c | d('x') }} {{ e if e is defined else 0 }}" }\n      when: f is undefined or f.g\n      failed_when: h is defined and h.rc != 0\n`) } },
  { title: 'the default value itself is required', problems: ["pb.yml:3:21: 'fallback' is undefined (in argument 'msg')"],
    tree: { 'pb.yml': play('    - debug: { msg: "{{ a | default(fallback) }}" }\n') } },
  { title: 'a variable read through another one', problems: ["pb.yml:6:21: 'base' is undefined (in argument 'msg', read through variable 'url' -> 'host_url')"],
    tree: { 'pb.yml': play('    - debug: { msg: "{{ url }}" }\n', '  vars:\n    url: "{{ host_url }}/x"\n    host_url: "{{ base }}"\n') } },
  { title: '-e wins: its value is the one checked', problems: [], extraVars: { url: 'https://x' },
    tree: { 'pb.yml': play('    - debug: { msg: "{{ url }}" }\n', '  vars:\n    url: "{{ nothing }}/x"\n') } },
  { title: 'did you mean, from every known name', problems: ["pb.yml:3:21: 'prot' is undefined (in argument 'msg') (did you mean 'port'?)"],
    tree: { 'pb.yml': play('    - debug: { msg: "{{ prot }}" }\n') } },
  { title: 'evaluated arguments are read as bare expressions (assert that, debug var)', problems: ["pb.yml:5:11: 'missing' is undefined (in argument 'that')", "pb.yml:8:14: 'gone' is undefined (in argument 'var')"],
    tree: { 'pb.yml': play('    - assert:\n        that:\n          - missing == 1\n          - "{{ port }}"\n    - debug:\n        var: gone\n') } },
  { title: 'syntax: unknown filter and test with did-you-mean, statements, bare text in when', problems: [
      "pb.yml:3:7: unknown test 'defnied' at column 9 of 'port is defnied' (did you mean 'defined'?)",
      "pb.yml:3:21: unknown filter 'lowr' at column 11 of '{{ port | lowr }}' (did you mean 'lower'?)",
      "pb.yml:5:7: an expression is written bare, not as text with {{ }} inside",
      "pb.yml:5:21: '{%' at column 1 of '{% if port %}x{% endif %}'",
    ],
    tree: { 'pb.yml': play('    - debug: { msg: "{{ port | lowr }}" }\n      when: port is defnied\n    - debug: { msg: "{% if port %}x{% endif %}" }\n      when: "{{ port }} == 1"\n') } },
  { title: 'templated flags and vars values are checked too', problems: ["pb.yml:3:7: in vars 'x': unknown filter 'uppr'", "pb.yml:3:7: 'sudo_ok' is undefined (in 'become')"],
    tree: { 'pb.yml': play('    - debug: { msg: hi }\n      become: "{{ sudo_ok }}"\n      vars: { x: "{{ port | uppr }}" }\n') } },
  { title: 'handlers and included files are checked, at their own positions', problems: ["inc.yml:1:17: 'in_include' is undefined", "pb.yml:6:21: 'in_handler' is undefined"],
    tree: { 'inc.yml': '- debug: { msg: "{{ in_include }}" }\n', 'pb.yml': play('    - include_tasks: inc.yml\n  handlers:\n    - name: h\n      debug: { msg: "{{ in_handler }}" }\n') } },
  { title: 'delegate_to another host is refused', problems: ["pb.yml:3:7: delegate_to 'web2': ferry delegates only to localhost"],
    tree: { 'pb.yml': play('    - command: hostname\n      delegate_to: web2\n    - command: hostname\n      delegate_to: localhost\n') } },
  { title: 'templated vars_files: rendered per host, read, their names known', problems: [], extraVars: { stage: 'prod' },
    tree: { 'pb.yml': play('    - debug: { msg: "{{ endpoint }}" }\n', '  vars_files: ["vars/{{ stage }}.yml"]\n'), 'vars/prod.yml': 'endpoint: x\n' } },
  { title: 'templated vars_files: missing file, and no cascade of undefined names', problems: ["pb.yml:1:3: vars file '{dir}/vars/dev.yml' (from 'vars/{{ stage }}.yml') not found"], extraVars: { stage: 'dev' },
    tree: { 'pb.yml': play('    - debug: { msg: "{{ endpoint }}" }\n', '  vars_files: ["vars/{{ stage }}.yml"]\n') } },
  { title: 'secrets: an unset variable and a missing file', problems: ["pb.yml:1:3: secret 'a' needs environment variable UNSET_A, which is not set; secret 'b' needs file nope.txt, which cannot be read"], env: {},
    tree: { 'pb.yml': play('    - debug: { msg: "{{ a }} {{ b }}" }\n', '  secrets:\n    a: { env: UNSET_A }\n    b: { file: nope.txt }\n') } },
  { title: 'a play whose pattern matches no host checks syntax only', problems: ["pb.yml:3:21: unknown filter 'nope'"],
    tree: { 'pb.yml': '- hosts: nosuchgroup\n  tasks:\n    - debug: { msg: "{{ anything }} {{ x | nope }}" }\n' } },
];

describe('preflight: templates and variables checked before any host is contacted', () => {
  after(removeTempTrees);

  for (const c of cases) {
    it(c.title, async () => {
      const dir = await tempTree({ 'hosts.yml': INVENTORY, ...c.tree });
      const playbook = await loadPlaybook(path.join(dir, 'pb.yml'), { modules: builtinModules });
      const inventory = await loadInventory(path.join(dir, 'hosts.yml'), { playbookDir: dir });
      let problems: string[] = [];
      try {
        preflight(playbook, inventory, c.extraVars ?? {}, builtinModules, c.env ?? {});
      } catch (err) {
        if (!(err instanceof FerryErrors)) throw err;
        problems = err.problems.map((p) => p.format());
      }
      expect(problems.length, problems.join('\n')).to.equal(c.problems.length);
      c.problems.forEach((want, i) => {
        const prefix = path.join(dir, want.replaceAll('{dir}', dir));
        expect(problems[i].startsWith(prefix), `${problems[i]}\n  should start with\n${prefix}`).to.equal(true);
      });
    });
  }

  it('knows every magic variable the engine gives a task', () => {
    const state = new HostState('h');
    const inventory = { file: '', hosts: new Map(), groups: new Map() };
    const scope = scopeFor({ inventory, state, play: { play: {} as never, vars: {}, varsFiles: {}, secrets: {}, hosts: [] }, taskVars: [], extraVars: {}, check: false, hostScope: () => scope });
    expect([...MAGIC_NAMES].sort()).to.deep.equal(scope.names());
  });

  // [expression, the names it cannot do without]
  const required: Array<[string, string[]]> = [
    ['a.b + c', ['a', 'c']],
    ['a is defined and a.b', []],
    ['a.b if a is defined else c', ['c']],
    ['a | default(b)', ['b']],
    ['x[y] | default(1)', ['y']],
    ['(a | upper) | default(1)', ['a']],
    ['not z', ['z']],
  ];
  for (const [expr, names] of required) {
    it(`requires ${JSON.stringify(names)} for ${expr}`, () => {
      expect(requiredNames(expr, 'expression')).to.deep.equal(names);
    });
  }
});
