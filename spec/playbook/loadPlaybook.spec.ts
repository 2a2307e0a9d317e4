import { expect } from 'chai';
import path from 'node:path';
import { FerryErrors } from '../../lib/errors/FerryError.js';
import { loadPlaybook } from '../../lib/playbook/loadPlaybook.js';
import type { BlockDef, IncludeDef, Playbook, Step, TaskDef } from '../../lib/playbook/types.js';
import { removeTempTrees, tempTree, type Tree } from './support/tempTree.js';
import { testModules } from './support/testModules.js';

/** Loads `site.yml` of a tree; returns the playbook and the tree's directory. */
async function load(tree: Tree): Promise<{ pb: Playbook; dir: string }> {
  const dir = await tempTree(tree);
  return { pb: await loadPlaybook(path.join(dir, 'site.yml'), { modules: testModules }), dir };
}

const task = (s: Step | undefined): TaskDef => {
  expect(s?.kind).to.equal('task');
  return s as TaskDef;
};

interface GoodCase {
  name: string;
  tree: Tree;
  check(pb: Playbook, dir: string): void;
}

// Every construct the loader accepts, with the shape it must load into.
const cases: GoodCase[] = [
  {
    name: 'a minimal play: name defaults to the hosts pattern, lists and maps default to empty',
    tree: { 'site.yml': '- hosts: web\n' },
    check: (pb) => {
      expect(pb.plays).to.have.length(1);
      const { pos, ...play } = pb.plays[0];
      expect(play).to.deep.equal({ name: 'web', hosts: 'web', vars: {}, vars_files: [], varsFileData: [], secrets: {}, become: false, tasks: [], handlers: [] });
      expect(pos).to.deep.include({ line: 1, col: 3 });
    },
  },
  {
    name: 'every play key',
    tree: {
      'site.yml': [
        '- name: Rotate',
        '  hosts: [web, "db:&prod"]',
        '  vars: { a: 1 }',
        '  secrets:',
        '    TOKEN: { env: GITEA_TOKEN }',
        '    KEY: { file: /run/key }',
        '  become: true',
        '  become_user: svc',
        '  gather_facts: false',
        '  serial: [1, "50%"]',
        '  max_fail_percentage: 20',
        '  any_errors_fatal: true',
        '  tasks: []',
        '',
      ].join('\n'),
    },
    check: (pb) => {
      const { pos: _pos, ...play } = pb.plays[0];
      expect(play).to.deep.equal({
        name: 'Rotate',
        hosts: 'web,db:&prod',
        vars: { a: 1 },
        vars_files: [],
        varsFileData: [],
        secrets: { TOKEN: { env: 'GITEA_TOKEN' }, KEY: { file: '/run/key' } },
        become: true,
        become_user: 'svc',
        gather_facts: false,
        serial: [1, '50%'],
        max_fail_percentage: 20,
        any_errors_fatal: true,
        tasks: [],
        handlers: [],
      });
    },
  },
  {
    name: 'pre_tasks, tasks and post_tasks merge in that order; handlers stay apart',
    tree: {
      'site.yml': [
        '- hosts: all',
        '  post_tasks: [{ debug: { msg: post } }]',
        '  tasks: [{ debug: { msg: main } }]',
        '  handlers: [{ name: restart, listen: app changed, command: systemctl restart app }]',
        '  pre_tasks: [{ debug: { msg: pre } }]',
        '',
      ].join('\n'),
    },
    check: (pb) => {
      expect(pb.plays[0].tasks.map((s) => task(s).args.msg)).to.deep.equal(['pre', 'main', 'post']);
      const handler = task(pb.plays[0].handlers[0]);
      expect([handler.name, handler.listen, handler.module, handler.args]).to.deep.equal(['restart', 'app changed', 'command', { cmd: 'systemctl restart app' }]);
    },
  },
  {
    name: 'module values: a mapping, a free-form string, and nothing for a module without required arguments',
    tree: { 'site.yml': '- hosts: all\n  tasks:\n    - file: { path: /srv, state: directory }\n    - command: ls -l /srv\n    - ping:\n' },
    check: (pb) => {
      const [f, c, p] = pb.plays[0].tasks.map(task);
      expect([f.module, f.args]).to.deep.equal(['file', { path: '/srv', state: 'directory' }]);
      expect([c.module, c.args]).to.deep.equal(['command', { cmd: 'ls -l /srv' }]);
      expect([p.module, p.args, p.argPos]).to.deep.equal(['ping', {}, {}]);
    },
  },
  {
    name: 'positions: pos is the task mapping, argPos each argument value (free-form: the string)',
    tree: { 'site.yml': '- hosts: all\n  tasks:\n    - name: make\n      file:\n        path: /srv\n        mode: "0750"\n    - command: id\n' },
    check: (pb, dir) => {
      const file = path.join(dir, 'site.yml');
      const [f, c] = pb.plays[0].tasks.map(task);
      expect(f.pos).to.deep.equal({ file, line: 3, col: 7 });
      expect(f.argPos).to.deep.equal({ path: { file, line: 5, col: 15 }, mode: { file, line: 6, col: 15 } });
      expect(c.pos).to.deep.equal({ file, line: 7, col: 7 });
      expect(c.argPos).to.deep.equal({ cmd: { file, line: 7, col: 16 } });
    },
  },
  {
    name: 'task keywords are kept raw; a task without a name has none',
    tree: {
      'site.yml': [
        '- hosts: all',
        '  tasks:',
        '    - command: id',
        '      register: who',
        '      when: [a is defined, "b | bool"]',
        '      loop: "{{ users }}"',
        '      loop_control: { loop_var: user, label: "{{ user.name }}", index_var: i }',
        '      tags: [rotate, never]',
        '      notify: restart',
        '      changed_when: false',
        '      failed_when: result.rc > 1',
        '      ignore_errors: true',
        '      delegate_to: localhost',
        '      run_once: true',
        '      vars: { x: 1 }',
        '',
      ].join('\n'),
    },
    check: (pb) => {
      const { pos: _p, argPos: _a, ...t } = task(pb.plays[0].tasks[0]);
      expect(t).to.deep.equal({
        kind: 'task',
        module: 'command',
        args: { cmd: 'id' },
        register: 'who',
        when: ['a is defined', 'b | bool'],
        loop: '{{ users }}',
        loop_control: { loop_var: 'user', label: '{{ user.name }}', index_var: 'i' },
        tags: ['rotate', 'never'],
        notify: 'restart',
        changed_when: false,
        failed_when: 'result.rc > 1',
        ignore_errors: true,
        delegate_to: 'localhost',
        run_once: true,
        vars: { x: 1 },
      });
      expect(t).not.to.have.property('name');
    },
  },
  {
    name: 'templated strings pass where a boolean or a number is wanted',
    tree: {
      'site.yml': [
        '- hosts: all',
        '  serial: "{{ batch }}"',
        '  tasks:',
        '    - command: { cmd: id, retries: "{{ n }}" }',
        '      become: "{{ use_sudo }}"',
        '      no_log: "{{ quiet }}"',
        '      check_mode: "{{ dry }}"',
        '      when: "{{ go }}"',
        '',
      ].join('\n'),
    },
    check: (pb) => {
      const t = task(pb.plays[0].tasks[0]);
      expect([t.become, t.no_log, t.check_mode, t.args.retries]).to.deep.equal(['{{ use_sudo }}', '{{ quiet }}', '{{ dry }}', '{{ n }}']);
      expect(pb.plays[0].serial).to.equal('{{ batch }}');
    },
  },
  {
    name: 'block / rescue / always keep their parts and keywords',
    tree: {
      'site.yml': '- hosts: all\n  tasks:\n    - name: guarded\n      when: ok\n      become: true\n      block: [{ command: a }]\n      rescue: [{ command: b }]\n      always: [{ command: c }]\n',
    },
    check: (pb) => {
      const b = pb.plays[0].tasks[0] as BlockDef;
      expect([b.kind, b.name, b.when, b.become]).to.deep.equal(['block', 'guarded', 'ok', true]);
      expect([b.block, b.rescue, b.always].map((part) => part.map((s) => task(s).args.cmd))).to.deep.equal([['a'], ['b'], ['c']]);
      expect(b.pos.line).to.equal(3);
    },
  },
  {
    name: 'include_tasks and import_tasks expand at load time, each relative to the file that names it',
    tree: {
      'site.yml': '- hosts: all\n  tasks:\n    - include_tasks: tasks/outer.yml\n      when: go\n    - import_tasks: { file: tasks/outer.yml }\n',
      'tasks/outer.yml': '- command: outer\n- include_tasks: inner/leaf.yml\n',
      'tasks/inner/leaf.yml': '- command: leaf\n',
    },
    check: (pb, dir) => {
      const [inc, imp] = pb.plays[0].tasks as IncludeDef[];
      expect([inc.kind, inc.when, inc.file]).to.deep.equal(['include', 'go', path.join(dir, 'tasks/outer.yml')]);
      expect(task(inc.steps[0]).args.cmd).to.equal('outer');
      const leaf = inc.steps[1] as IncludeDef;
      expect(leaf.file).to.equal(path.join(dir, 'tasks/inner/leaf.yml'));
      expect(task(leaf.steps[0]).pos.file).to.equal(path.join(dir, 'tasks/inner/leaf.yml'));
      expect(imp.steps).to.have.length(2);
    },
  },
  {
    name: 'import_playbook expands in place, relative to the importing file',
    tree: {
      'site.yml': '- hosts: first\n- import_playbook: sub/more.yml\n- hosts: last\n',
      'sub/more.yml': '- hosts: middle\n  vars_files: [vars.yml]\n',
      'sub/vars.yml': 'where: sub\n',
    },
    check: (pb, dir) => {
      expect(pb.plays.map((p) => p.hosts)).to.deep.equal(['first', 'middle', 'last']);
      expect(pb.plays[1].varsFileData).to.deep.equal([{ file: path.join(dir, 'sub/vars.yml'), vars: { where: 'sub' } }]);
      expect(pb.plays[1].pos.file).to.equal(path.join(dir, 'sub/more.yml'));
    },
  },
  {
    name: 'vars_files: static paths are read in order, templated ones are left for the engine',
    tree: {
      'site.yml': '- hosts: all\n  vars_files: [vars/a.yml, "vars/{{ env }}.yml", vars/b.yml]\n',
      'vars/a.yml': 'x: 1\n',
      'vars/b.yml': '',
    },
    check: (pb, dir) => {
      const play = pb.plays[0];
      expect(play.vars_files).to.deep.equal(['vars/a.yml', 'vars/{{ env }}.yml', 'vars/b.yml']);
      expect(play.varsFileData).to.deep.equal([
        { file: path.join(dir, 'vars/a.yml'), vars: { x: 1 } },
        { file: path.join(dir, 'vars/b.yml'), vars: {} },
      ]);
    },
  },
  {
    name: 'a task file included twice (no cycle) loads twice',
    tree: { 'site.yml': '- hosts: all\n  tasks:\n    - include_tasks: t.yml\n    - include_tasks: t.yml\n', 't.yml': '- ping:\n' },
    check: (pb) => expect(pb.plays[0].tasks.map((s) => (s as IncludeDef).steps.length)).to.deep.equal([1, 1]),
  },
  {
    name: 'YAML merge keys and anchors work',
    tree: { 'site.yml': '- hosts: all\n  tasks:\n    - file: &f { path: /a, state: directory }\n    - file: { <<: *f, path: /b }\n' },
    check: (pb) => expect(pb.plays[0].tasks.map((s) => task(s).args)).to.deep.equal([{ path: '/a', state: 'directory' }, { path: '/b', state: 'directory' }]),
  },
];

describe('loadPlaybook', () => {
  after(removeTempTrees);

  for (const c of cases) {
    it(c.name, async () => {
      const { pb, dir } = await load(c.tree);
      expect(pb.file).to.equal(path.join(dir, 'site.yml'));
      expect(pb.dir).to.equal(dir);
      c.check(pb, dir);
    });
  }

  it('never puts a secret argument or a misplaced secret file into a message', async () => {
    const dir = await tempTree({
      'site.yml': '- hosts: all\n  vars_files: [token.txt]\n  tasks:\n    - token_file: { path: /t, token: 987654321 }\n',
      'token.txt': 'ghp_s3cr3tValue\n',
    });
    const err = await loadPlaybook(path.join(dir, 'site.yml'), { modules: testModules }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(FerryErrors);
    const text = (err as FerryErrors).message;
    expect((err as FerryErrors).problems).to.have.length(2);
    expect(text).not.to.include('987654321');
    expect(text).not.to.include('ghp_s3cr3tValue');
  });
});
