import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { startLanguageLab, type LanguageLab, type LanguageRun } from './languageLab.js';

/** Every place a variable can come from; each source sets its variables to its own name. */
type Source =
  | 'all_inline' | 'group_inline' | 'host_inline'
  | 'gv_all_inv' | 'gv_all_pb' | 'gv_group_inv' | 'gv_group_pb' | 'hv_inv' | 'hv_pb'
  | 'play_vars' | 'vars_files' | 'block_vars' | 'task_vars' | 'set_fact' | 'registered' | 'extra_kv' | 'extra_file';

// Ansible's variable precedence, one pair a variable: [loses, wins]. (The inventory file's own group vars lose even to
// group_vars/all; its host vars beat every group_vars file; -e is read left to right, so @file given last wins.)
const PAIRS: Array<[Source, Source]> = [
  ['all_inline', 'group_inline'],
  ['group_inline', 'host_inline'],
  ['group_inline', 'gv_all_inv'],
  ['gv_all_inv', 'gv_all_pb'],
  ['gv_all_pb', 'gv_group_inv'],
  ['gv_group_inv', 'gv_group_pb'],
  ['gv_group_pb', 'host_inline'],
  ['host_inline', 'hv_inv'],
  ['hv_inv', 'hv_pb'],
  ['hv_pb', 'play_vars'],
  ['play_vars', 'vars_files'],
  ['vars_files', 'block_vars'],
  ['block_vars', 'task_vars'],
  ['task_vars', 'set_fact'],
  ['vars_files', 'registered'],
  ['set_fact', 'extra_kv'],
  ['extra_kv', 'extra_file'],
];
const SOURCES: Source[] = [...new Set(PAIRS.flat())];
const HOSTS = ['host1', 'host2', 'host3'];

/** The variables one source sets: `pN` for each pair it is in, and `only_<source>` read from nowhere else. */
function varsOf(source: Source): Record<string, string> {
  const vars: Record<string, string> = source === 'registered' ? {} : { [`only_${source}`]: source };
  PAIRS.forEach((pair, i) => {
    if (pair.includes(source) && source !== 'registered') vars[`p${i}`] = source;
  });
  return vars;
}

const registeredVar = `p${PAIRS.findIndex(([, high]) => high === 'registered')}`;

/** Every variable the playbook writes back, as a dict expression (a registered result gives its stdout). */
function readBack(): string {
  const names = [...PAIRS.map((_, i) => `p${i}`), ...SOURCES.filter((s) => s !== 'registered').map((s) => `only_${s}`)];
  return `{${names.map((n) => `'${n}': ${n === registeredVar ? `${n}.stdout` : n}`).join(', ')}}`;
}

/** The inventory (with group_vars/host_vars beside it) and the playbook (with its own), each source in its place. */
function writeTree(root: string, ll: LanguageLab): { playbook: string; inventory: string; extra: string[] } {
  const write = (rel: string, data: unknown): string => {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof data === 'string' ? data : stringify(data));
    return file;
  };
  const hosts = Object.fromEntries(
    ll.lab.hosts.map((h) => [h.name, { ansible_host: h.address, ansible_port: h.port, ansible_user: 'root', ansible_ssh_private_key_file: ll.lab.keyFile, ...varsOf('host_inline') }]),
  );
  const inventory = write('inv/hosts.yml', { all: { vars: varsOf('all_inline'), children: { lab: { vars: varsOf('group_inline'), hosts } } } });
  write('inv/group_vars/all.yml', varsOf('gv_all_inv'));
  write('inv/group_vars/lab.yml', varsOf('gv_group_inv'));
  write('pb/group_vars/all.yml', varsOf('gv_all_pb'));
  write('pb/group_vars/lab.yml', varsOf('gv_group_pb'));
  for (const h of HOSTS) {
    write(`inv/host_vars/${h}.yml`, varsOf('hv_inv'));
    write(`pb/host_vars/${h}.yml`, varsOf('hv_pb'));
  }
  write('pb/vars/file.yml', varsOf('vars_files'));
  const extraFile = write('pb/extra.yml', varsOf('extra_file'));
  const play = {
    name: 'Precedence',
    hosts: 'lab',
    vars: varsOf('play_vars'),
    vars_files: ['vars/file.yml'],
    tasks: [
      { name: 'Registered', command: 'echo registered', register: registeredVar, check_mode: false, changed_when: false },
      { name: 'Set facts', set_fact: varsOf('set_fact') },
      {
        vars: varsOf('block_vars'),
        block: [{ name: 'Write every value', vars: varsOf('task_vars'), copy: { dest: '/etc/ferry-app/precedence.json', content: `{{ ${readBack()} | to_json }}\n` } }],
      },
    ],
  };
  const playbook = write('pb/play.yml', [play]);
  const kv = Object.entries(varsOf('extra_kv')).map(([k, v]) => `${k}=${v}`).join(' ');
  return { playbook, inventory, extra: ['-e', kv, '-e', `@${extraFile}`] };
}

describe('language: variable precedence on real hosts', function () {
  let ll: LanguageLab;
  let real: LanguageRun;
  let check: LanguageRun;
  const seen: Record<string, Record<string, string>> = {};

  before(async () => {
    ll = await startLanguageLab();
    const { playbook, inventory, extra } = writeTree(join(ll.work, 'tree'), ll);
    check = await ll.run(playbook, ['-i', inventory, '--check', '--diff', ...extra]);
    real = await ll.run(playbook, ['-i', inventory, ...extra]);
    for (const h of HOSTS) seen[h] = JSON.parse(ll.read(h, '/etc/ferry-app/precedence.json') ?? '{}') as Record<string, string>;
  });
  after(async () => ll.stop());

  it('runs cleanly, in check mode too, which shows the same values in its diff', () => {
    expect(check.code, check.all).to.equal(0);
    expect(real.code, real.all).to.equal(0);
    expect(check.stdout).to.include(JSON.stringify(seen.host1));
  });

  PAIRS.forEach(([low, high], i) => {
    it(`${low} < ${high}`, () => {
      for (const h of HOSTS) expect(seen[h][`p${i}`], h).to.equal(high);
    });
  });

  it('reads every source when nothing above it sets the name', () => {
    for (const s of SOURCES.filter((x) => x !== 'registered')) expect(seen.host2[`only_${s}`], s).to.equal(s);
  });
});
