import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argvOf } from '../support/argvOf.js';
import { readReport, runFerry, type FerryRun } from '../support/runFerry.js';
import { startRollbackLab, type RollbackLab } from './rollbackLab.js';

const TOKEN = 'tok-mask-5e1f0a9c2b7d4e63';
const PASSWORD = 'pw-mask-Qr7-vanishes';

/** Every road a secret can take out of a task: loop items and labels, errors of all kinds, registered results. */
const PLAYBOOK = `- hosts: lab
  secrets:
    token: { env: FERRY_MASK_TOKEN }
    password: { file: password.txt }
  tasks:
    - name: Loop over secrets
      debug: { msg: "item {{ item }}" }
      loop: ["{{ token }}", "plain", "{{ password }}"]
    - name: A loop label built from a secret
      debug: { msg: "one item" }
      loop: [{ name: svc }]
      loop_control: { label: "{{ item.name }}:{{ token }}" }
    - name: A command whose failure quotes the secret on stderr
      command: { cmd: "sh -c 'printf \\"bad %s\\" \\"$(cat)\\" >&2; exit 3'", stdin: "{{ token }}" }
      register: failed_cmd
      ignore_errors: true
    - name: Show that failure's stderr
      debug: { var: failed_cmd.stderr }
    - name: A module error that names the secret
      file: { path: "/srv/missing-{{ password }}", state: file }
      ignore_errors: true
    - name: A template error that quotes the secret
      debug: { msg: "{{ 'x' | regex_search(token ~ '(') }}" }
      ignore_errors: true
    - name: An assertion whose message carries it
      assert: { that: ["token == 'x'"], fail_msg: "expected x, got {{ token }}" }
      ignore_errors: true
    - name: Read it back into a registered result
      command: { argv: [cat], stdin: "{{ token }}", stdin_add_newline: false }
      register: read_back
    - name: Derive a fact from it
      set_fact: { derived: "prefix-{{ read_back.stdout }}-suffix" }
    - name: Show the registered result whole
      debug: { var: read_back }
    - name: Show the derived fact
      debug: { var: derived }
    - name: Write it where a diff would show it
      copy: { dest: /srv/secret.txt, content: "{{ read_back.stdout }}\\n", mode: "0600" }
`;

describe('secrets are masked by value wherever they travel: loop labels, errors, registered results', function () {
  this.timeout(120_000);
  let rl: RollbackLab;
  let res: FerryRun;
  let argv: string[];
  let report: string;

  before(async () => {
    rl = await startRollbackLab(1);
    mkdirSync(rl.host('host1').pathOf('/srv'), { recursive: true });
    writeFileSync(join(rl.work, 'password.txt'), `${PASSWORD}\n`, { mode: 0o600 });
    const trace = await rl.lab.traceExecve('host1');
    const playbook = rl.playbook('mask.yml', PLAYBOOK);
    const args = ['run', playbook, '-i', rl.lab.inventoryFile, '--known-hosts', rl.lab.knownHostsFile, '--diff', '-vvv', '--report', join(rl.work, 'r.json')];
    res = await runFerry(args, { env: { FERRY_MASK_TOKEN: TOKEN } });
    argv = argvOf(await trace.stop());
    report = JSON.stringify(readReport(join(rl.work, 'r.json')));
  });
  after(async () => rl?.stop());

  it('ran every task (so each road was taken)', () => {
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(rl.seen('host1', '/srv/secret.txt')).to.deep.include({ text: `${TOKEN}\n`, mode: 0o600 });
    expect(res.stdout.match(/\.\.\.ignoring/g)).to.have.length(4);
  });

  it('masks loop items and labels', () => {
    expect(res.stdout).to.include('(item=********)').and.include('(item=plain)').and.include('(item=svc:********)');
  });

  it('masks error messages: a command\'s stderr, a module\'s, a template\'s, an assertion\'s', () => {
    expect(res.stdout).to.include('failed_cmd.stderr: "bad ********"');
    expect(res.stdout).to.include("invalid regular expression '********('");
    expect(res.stdout).to.include('/srv/missing-********');
    expect(res.stdout).to.include('expected x, got ********');
  });

  it('masks registered results and the facts derived from them, and the diff of what they wrote', () => {
    expect(res.stdout).to.include('"stdout":"********"').and.include('"stdout_lines":["********"]');
    expect(res.stdout).to.include('prefix-********-suffix');
    expect(res.stdout).to.match(/^\+\*{8}$/m);
  });

  it('leaves neither secret in the console, the report, or any argv on the host', () => {
    expect(argv.length, 'the trace saw the run').to.be.greaterThan(10);
    for (const s of [TOKEN, PASSWORD]) {
      expect(res.stdout + res.stderr, 'console').not.to.include(s);
      expect(report, 'report').not.to.include(s);
      expect(argv.filter((a) => a.includes(s)), 'argv').to.deep.equal([]);
    }
  });
});
