import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFerry } from '../support/runFerry.js';

const NO_STACK = /\n\s+at .*[(:]\d+/;

describe('ferry validate', () => {
  let dir: string;
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ferry-validate-'));
  });

  it('exits 0 with one ok line for the shipped playbooks', async () => {
    const res = await runFerry(['validate', 'playbooks/demo.yml']);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(res.stdout).to.equal('playbooks/demo.yml: ok (1 play, 4 tasks)\n');
    expect(res.stderr).to.include('no inventory given');
  });

  it('prints every problem of every file as file:line:col: message, exits 3, no stack', async () => {
    const tasks = file('tasks.yml', '- name: in the included file\n  debug:\n    mesage: hi\n');
    const pb = file('pb.yml', `- hosts: all\n  become: sometimes\n  tasks:\n    - include_tasks: ${tasks}\n    - comand: id\n`);
    const res = await runFerry(['validate', pb], { cwd: dir });
    expect(res.code).to.equal(3);
    const lines = res.stdout.trim().split('\n');
    expect(lines).to.have.length(3);
    expect(lines[0]).to.equal(`pb.yml:2:11: 'become' must be true or false, got "sometimes"`);
    expect(lines[1]).to.equal("pb.yml:5:7: unknown module 'comand' (did you mean 'command'?)");
    expect(lines[2]).to.match(/^tasks\.yml:3:5: unknown argument 'mesage' of module 'debug'/);
    expect(res.stderr).to.include('3 problem(s)');
    expect(res.stderr).not.to.match(NO_STACK);
  });

  it('with -i, checks every variable the tasks read against the inventory and -e, contacting no host', async () => {
    const pb = file('pb.yml', '- hosts: web\n  tasks:\n    - name: uses a var\n      file:\n        path: "{{ app_dir }}/conf"\n        state: directory\n');
    const without = file('inv-without.yml', 'all:\n  children:\n    web:\n      hosts:\n        web1: { ansible_host: 192.0.2.1 }\n');
    const withVar = file('inv-with.yml', 'all:\n  children:\n    web:\n      vars: { app_dir: /srv/app }\n      hosts:\n        web1: { ansible_host: 192.0.2.1 }\n');
    const missing = await runFerry(['validate', pb, '-i', without], { cwd: dir });
    expect(missing.code).to.equal(3);
    expect(missing.stdout).to.match(/^pb\.yml:5:\d+: .*'app_dir' is undefined/m);
    const defined = await runFerry(['validate', pb, '-i', withVar], { cwd: dir });
    expect(defined.code, defined.stdout + defined.stderr).to.equal(0);
    expect(defined.stdout).to.equal('pb.yml: ok (1 play, 1 tasks)\n');
    const extra = await runFerry(['validate', pb, '-i', without, '-e', 'app_dir=/opt/app'], { cwd: dir });
    expect(extra.code, extra.stdout).to.equal(0);
  });

  it('reports the problems of the playbook and of the inventory together', async () => {
    const pb = file('pb.yml', '- hosts: all\n  tasks:\n    - comand: id\n');
    const inv = file('inv.yml', 'all:\n  hosts:\n    web1:\n      ansible_port: eighty\n');
    const res = await runFerry(['validate', pb, '-i', inv], { cwd: dir });
    expect(res.code).to.equal(3);
    expect(res.stdout).to.match(/^pb\.yml:3:7: unknown module 'comand'/m);
    expect(res.stdout).to.match(/^inv\.yml:4:\d+: host 'web1': ansible_port "eighty" is not a port number/m);
  });

  it('refuses a --limit that matches no host as a usage error (exit 5)', async () => {
    const inv = file('inv.yml', 'all:\n  hosts:\n    web1:\n');
    const res = await runFerry(['validate', 'playbooks/demo.yml', '-i', inv, '-l', 'nosuch']);
    expect(res.code).to.equal(5);
    expect(res.stderr).to.include("'nosuch' matched no host");
  });
});
