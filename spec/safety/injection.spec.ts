import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { argvOf } from '../support/argvOf.js';
import { findAssignments } from '../../lib/modules/env_line/findAssignments.js';
import { startRollbackLab, type RollbackLab } from './rollbackLab.js';

/**
 * A value that runs `touch pwned-<tag>` in the login's home if any shell ever reads it as code: command substitution,
 * backticks, `;`, `&&`, plus quotes, `$HOME`, globs, spaces and a newline. No `/`, so it is also a file name.
 */
const evil = (tag: string, newline = true): string =>
  `a b'c"d$(cd;touch pwned-${tag})e\`cd;touch pwned-${tag}\`f;cd;touch pwned-${tag}&&$HOME*?${newline ? '\nz' : 'z'}`;
const DIR = '/srv/inj';
const at = (tag: string) => `${DIR}/${evil(tag)}`;
const q = (s: string) => JSON.stringify(s);
const ACCOUNT = `ferryinj_${randomBytes(3).toString('hex')}`;

/** Every module argument that ends up in a remote command, each given a hostile value of its own. */
const PLAYBOOK = `- hosts: lab
  vars:
    # A literal hostile mode is refused when the playbook is loaded; a templated one reaches the plan, which refuses it.
    hostile_mode: ${q(evil('copy-mode', false))}
  tasks:
    - name: copy dest, and content
      copy: { dest: ${q(at('copy-dest'))}, content: ${q(evil('copy-content'))} }
    - name: copy owner
      copy: { dest: ${DIR}/owner.txt, content: "x", owner: ${q(evil('copy-owner', false))} }
      ignore_errors: true
    - name: copy group
      copy: { dest: ${DIR}/group.txt, content: "x", group: ${q(evil('copy-group', false))} }
      ignore_errors: true
    - name: copy mode
      copy: { dest: ${DIR}/mode.txt, content: "x", mode: "{{ hostile_mode }}" }
      ignore_errors: true
    - name: file path, a directory
      file: { path: ${q(at('file-dir'))}, state: directory }
    - name: file path, touched
      file: { path: ${q(at('file-touch'))}, state: touch }
    - name: file owner
      file: { path: ${DIR}/owned, state: touch, owner: ${q(evil('file-owner', false))} }
      ignore_errors: true
    - name: file path, removed
      file: { path: ${q(at('copy-dest'))}, state: absent }
    - name: env_line path, value and comment
      env_line: { path: ${q(at('env-path'))}, key: V, value: ${q(evil('env-value'))}, comment: ${q(evil('env-comment', false))}, create: true }
    - name: command argv
      command: { argv: [printf, "%s", ${q(evil('argv'))}] }
      register: r_argv
    - name: command cmd, split into words that never expand
      command: { cmd: "printf %s| $(cd;touch pwned-cmd) \`cd;touch pwned-cmd\` ;cd;touch pwned-cmd" }
      register: r_cmd
    - name: command chdir
      command: { argv: [pwd], chdir: ${q(at('file-dir'))} }
      register: r_chdir
    - name: command creates (missing, so it runs)
      command: { argv: ["true"], creates: ${q(at('creates'))} }
      register: r_creates
    - name: command removes (present, so it runs)
      command: { argv: ["true"], removes: ${q(at('file-touch'))} }
      register: r_removes
    - name: command stdin
      command: { argv: [cat], stdin: ${q(evil('stdin'))}, stdin_add_newline: false }
      register: r_stdin
    - name: shell chdir
      shell: { cmd: pwd, chdir: ${q(at('file-dir'))} }
      register: r_shell_chdir
    - name: shell creates and removes
      shell: { cmd: "true", creates: ${q(at('shell-creates'))}, removes: ${q(at('shell-removes'))} }
    - name: shell executable
      shell: { cmd: "true", executable: ${q(evil('shell-exe'))} }
      ignore_errors: true
    - name: a cron file with a hostile name
      copy: { dest: ${q(at('cron-file'))}, content: "* * * * * root printf cron-file-ok\\n" }
    - name: cron_script file
      cron_script: { file: ${q(at('cron-file'))} }
      register: r_cron_file
    - name: cron_script env values
      cron_script: { command: 'printf %s "$X"', env: { X: ${q(evil('cron-env'))} } }
      register: r_cron_env
    - name: token_file path and token
      token_file: { path: ${q(at('token-path'))}, token: ${q(evil('token', false))} }
    - name: assert_identity env_file, url and login
      assert_identity: { env_file: ${q(at('env-path'))}, key: V, gitea_url: "http://127.0.0.1:9/$(cd;touch pwned-url)", login: ${q(evil('login'))} }
      ignore_errors: true
    - name: user comment, shell and home
      user: { name: ${ACCOUNT}, comment: ${q(evil('user-comment', false))}, shell: ${q(evil('user-shell', false))}, home: ${q(`/tmp/${evil('user-home', false)}`)}, create_home: false }
      ignore_errors: true
    - name: what the commands saw
      copy:
        dest: ${DIR}/seen.json
        content: "{{ {'argv': r_argv.stdout, 'cmd': r_cmd.stdout, 'chdir': r_chdir.stdout, 'creates': r_creates.changed, 'removes': r_removes.changed, 'stdin': r_stdin.stdout, 'shell_chdir': r_shell_chdir.stdout, 'cron_file': r_cron_file.jobs[0].stdout, 'cron_env': r_cron_env.jobs[0].stdout} | to_json }}"
`;

describe('hostile paths and values reach the host as data, never as shell', function () {
  this.timeout(120_000);
  let rl: RollbackLab;
  let trace: string;
  let stdout: string;
  let seen: Record<string, unknown>;

  before(async () => {
    rl = await startRollbackLab(1);
    mkdirSync(rl.host('host1').pathOf(DIR), { recursive: true });
    const tracing = await rl.lab.traceExecve('host1');
    const res = await rl.ferry(['run', rl.playbook('inject.yml', PLAYBOOK), '-i', rl.lab.inventoryFile, '-vvv']);
    trace = await tracing.stop();
    stdout = res.stdout;
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    seen = JSON.parse(readFileSync(rl.host('host1').pathOf(`${DIR}/seen.json`), 'utf8'));
  });
  after(async () => {
    spawnSync('userdel', [ACCOUNT]);
    await rl?.stop();
  });

  it('runs none of it: no canary anywhere on the host, no touch of one in any traced execve', () => {
    const canaries: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (name.startsWith('pwned')) canaries.push(join(dir, name));
        const full = join(dir, name);
        if (lstatSync(full).isDirectory()) walk(full);
      }
    };
    walk(rl.host('host1').root);
    expect(canaries).to.deep.equal([]);
    // `touch -- '<path with the payload in it>'` is file: state=touch at work; touching a word that starts with pwned- is the payload.
    const touches = argvOf(trace).filter((a) => a.startsWith('["touch"') && a.includes('"pwned-'));
    expect(touches).to.deep.equal([]);
    expect(argvOf(trace).length, 'the trace saw the run').to.be.greaterThan(20);
  });

  it('puts files, directories, env lines and tokens at the literal paths, holding the literal values', () => {
    const host = rl.host('host1');
    const local = (p: string) => host.pathOf(p);
    expect(lstatSync(local(at('file-dir'))).isDirectory()).to.equal(true);
    expect(lstatSync(local(at('file-touch'))).isFile()).to.equal(true);
    expect(() => lstatSync(local(at('copy-dest'))), 'removed by file: state=absent').to.throw();
    expect(readFileSync(local(at('token-path')), 'utf8').trim()).to.equal(evil('token', false));
    const env = readFileSync(local(at('env-path')), 'latin1');
    expect(env.split('\n')[0]).to.equal(`# ${evil('env-comment', false)}`);
    expect(findAssignments(env).map((a) => a.literal)).to.deep.equal([Buffer.from(evil('env-value')).toString('latin1')]);
    const sourced = spawnSync('sh', ['-c', '. "$1"; printf %s "$V"', 'sh', local(at('env-path'))], { encoding: 'utf8' });
    expect(sourced.stdout).to.equal(evil('env-value'));
  });

  it('hands argv words, stdin, chdir, creates, removes and cron env values over unchanged', () => {
    expect(seen).to.deep.equal({
      argv: evil('argv'),
      cmd: '$(cd;touch|pwned-cmd)|`cd;touch|pwned-cmd`|;cd;touch|pwned-cmd|',
      chdir: at('file-dir'),
      creates: true,
      removes: true,
      stdin: evil('stdin'),
      shell_chdir: at('file-dir'),
      cron_file: 'cron-file-ok',
      cron_env: evil('cron-env'),
    });
  });

  it('fails cleanly where a hostile value names something that does not exist', () => {
    for (const task of ['copy owner', 'copy group', 'copy mode', 'file owner', 'shell executable']) {
      expect(stdout, task).to.match(new RegExp(`TASK \\[${task}\\][^]*?failed: \\[host1\\]`));
    }
    expect(stdout).not.to.include('    at ');
  });
});
