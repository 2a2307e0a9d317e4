import { expect } from 'chai';
import { itPlans, type PlanRow } from './restorePlanTable.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FerryError, FerryErrors } from '../../lib/errors/FerryError.js';
import { readRecordedRun, type RecordedRun } from '../../lib/cli/rollback/rollbackReport.js';
import { restorePlan } from '../../lib/cli/rollback/rollbackRestore.js';
import { restoreScript } from '../../lib/cli/rollback/rollbackScripts.js';
import { checkFileChange } from '../../lib/cli/rollback/rollbackShape.js';
import { rollbackTasks } from '../../lib/cli/rollback/rollbackTasks.js';
import { newRunId, RUN_ID } from '../../lib/modules/changes/backupStore.js';
import { pruneBackupsScript } from '../../lib/modules/changes/pruneBackupsScript.js';
import type { FileState, RegularFileChange } from '../../lib/report/types.js';

const sha = (c: string) => c.repeat(64);
const state = (c: string, over: Partial<FileState> = {}): FileState => ({ sha256: sha(c), mode: '0640', uid: 0, gid: 0, ...over });
const change = (over: Partial<RegularFileChange> = {}): RegularFileChange => ({ path: '/etc/a', backup: '/var/backups/ferry/r/etc/a', before: state('a'), after: { sha256: sha('b') }, ...over });

describe('rollback: what to do with one recorded change', () => {
  const table: PlanRow[] = [
    ['as the run left it: restore', { current: state('b'), backup: sha('a') }, change(), false, { change: 'restore /etc/a from /var/backups/ferry/r/etc/a (mode 0640, owner 0:0)' }],
    ['already restored', { current: state('a'), backup: sha('a') }, change(), false, 'ok'],
    ['same bytes, other mode: restore', { current: state('a', { mode: '0600' }), backup: sha('a') }, change({ after: { sha256: sha('a') } }), false, { change: /^restore \/etc\/a/ }],
    ['changed since the run: refused', { current: state('c'), backup: sha('a') }, change(), false, { refused: /changed since the run \(sha256 cccccccccccc…, the run left sha256 bbbbbbbbbbbb…\): not restored/ }],
    ['changed since the run, forced', { current: state('c'), backup: sha('a') }, change(), true, { change: /over a later change \(--force\)$/ }],
    ['removed since the run: refused', { current: 'absent', backup: sha('a') }, change(), false, { refused: /changed since the run \(absent/ }],
    ['created by the run: removed', { current: state('b') }, change({ before: 'absent', backup: undefined }), false, { change: 'remove /etc/a, which the run created' }],
    ['created by the run, gone already', { current: 'absent' }, change({ before: 'absent', backup: undefined }), false, 'ok'],
    ['created by the run, edited since', { current: state('c') }, change({ before: 'absent', backup: undefined }), false, { refused: /changed since the run/ }],
    ['backup missing', { current: state('b'), backup: 'missing' }, change(), true, { refused: /backup \/var\/backups\/ferry\/r\/etc\/a of \/etc\/a is missing: not restored/ }],
    ['backup altered', { current: state('b'), backup: sha('d') }, change(), true, { refused: /no longer holds the pre-run bytes/ }],
    ['not a regular file any more', { current: 'other', backup: sha('a') }, change(), true, { refused: /no longer a regular file/ }],
  ];
  itPlans(table);

  it('a later change of a file already back at its pre-run state needs nothing', () => {
    const second = change({ before: state('b'), after: { sha256: sha('c') } });
    expect(restorePlan({ current: state('a'), backup: sha('b') }, { change: second, origin: state('a') }).changes).to.deep.equal([]);
    expect(() => restorePlan({ current: state('a'), backup: sha('b') }, { change: second })).to.throw(FerryError, /changed since the run/);
  });
});

describe('rollback: the order of restores', () => {
  const run = (hosts: Record<string, Array<[string, string[]]>>): Pick<RecordedRun, 'hosts'> => ({
    hosts: new Map(
      Object.entries(hosts).map(([h, tasks]) => [h, tasks.map(([key, paths]) => ({ key, name: key, module: 'copy', unrecorded: false, changes: [], files: paths.map((p) => change({ path: p })) }))]),
    ),
  });
  const shape = (r: Pick<RecordedRun, 'hosts'>, only?: Set<string>) =>
    rollbackTasks(r, only).map((t) => [t.name, Object.fromEntries([...t.hosts].map(([h, fs]) => [h, fs.map((f) => f.path)]))]);

  it('undoes the last task first and, within a task, the last file first, hosts sharing a step', () => {
    const r = run({ h1: [['A', ['/1']], ['B', ['/2', '/3']], ['C', []]], h2: [['A', ['/1']], ['B', ['/2']]] });
    expect(shape(r)).to.deep.equal([
      ['B', { h1: ['/3', '/2'], h2: ['/2'] }],
      ['A', { h1: ['/1'], h2: ['/1'] }],
    ]);
  });

  it("keeps each host's own order when hosts ran different tasks", () => {
    const r = run({ h1: [['A', ['/a']], ['C', ['/c']]], h2: [['A', ['/a']], ['B', ['/b']], ['C', ['/c']]] });
    const steps = shape(r);
    const orderOn = (h: string) => steps.flatMap(([, hosts]) => (hosts as Record<string, string[]>)[h] ?? []);
    expect(orderOn('h1')).to.deep.equal(['/c', '/a']);
    expect(orderOn('h2')).to.deep.equal(['/c', '/b', '/a']);
  });

  it('splits a step where two hosts ran tasks in opposite orders', () => {
    const r = run({ h1: [['A', ['/a']], ['B', ['/b']]], h2: [['B', ['/b']], ['A', ['/a']]] });
    const orderOn = (h: string) => shape(r).flatMap(([, hosts]) => (hosts as Record<string, string[]>)[h] ?? []);
    expect([orderOn('h1'), orderOn('h2')]).to.deep.equal([['/b', '/a'], ['/a', '/b']]);
  });

  it('leaves out hosts outside --limit', () => {
    expect(shape(run({ h1: [['A', ['/1']]], h2: [['A', ['/1']]] }), new Set(['h2']))).to.deep.equal([['A', { h2: ['/1'] }]]);
  });
});

describe('rollback: a report is input, checked field by field', () => {
  const table: Array<[string, unknown, RegExp | undefined]> = [
    ['a good record', change(), undefined],
    ['a created file', change({ before: 'absent', backup: undefined }), undefined],
    ['not a mapping', 'x', /must be a mapping/],
    ['empty path', change({ path: '' }), /`path`/],
    ['NUL in the path', change({ path: '/etc/a\0b' }), /`path`/],
    ['a mode that is shell', change({ before: state('a', { mode: '0640; rm -rf /' }) }), /before\.mode/],
    ['a uid that is shell', { ...change(), before: { ...state('a'), uid: '0; reboot' } }, /uid/],
    ['a short sha256', change({ after: { sha256: 'abc' } }), /`after`/],
    ['a relative backup', change({ backup: 'etc/a.bak' }), /`backup`/],
    ['no backup for an existing file', change({ backup: undefined }), /`backup`/],
    ['a backup for an absent file', change({ before: 'absent' }), /makes no sense/],
    ['become not a boolean', { ...change(), become: 'yes' }, /`become`/],
  ];
  for (const [title, value, want] of table) {
    it(title, () => {
      const why = checkFileChange(value);
      if (want) expect(why).to.match(want);
      else expect(why).to.equal(undefined);
    });
  }

  it('reads a report, and reports every bad record at once with its place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-rollback-report-'));
    try {
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ runId: 'r', inventory: '/inv.yml', check: false, hosts: { h1: { tasks: [{ play: 'p', name: 't', module: 'copy', files: [change()] }] } } }));
      const run = await readRecordedRun(good);
      expect([run.runId, run.inventory, run.hosts.get('h1')?.[0].files.length]).to.deep.equal(['r', '/inv.yml', 1]);
      // A delegate_to task changed the controller's file, not the host's: it is named, never restored on the host.
      const delegated = join(dir, 'delegated.json');
      writeFileSync(delegated, JSON.stringify({ hosts: { h1: { tasks: [{ name: 't', delegatedTo: 'localhost', files: [change()] }] } } }));
      const d = await readRecordedRun(delegated);
      expect([d.delegated, d.hosts.get('h1')?.[0].files]).to.deep.equal([[{ host: 'h1', path: '/etc/a', task: 't', module: 'task' }], []]);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ hosts: { h1: { tasks: [{ files: [change({ path: '' })], items: [{ files: [change({ backup: 'x' })] }] }] }, h2: {} } }));
      const err = await readRecordedRun(bad).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(FerryErrors);
      expect((err as FerryErrors).problems.map((p) => p.format())).to.deep.equal([
        `${bad}: hosts.h1.tasks[0].files[0]: \`path\` must be a non-empty string without NUL bytes (pass the JSON report a \`ferry run --report\` wrote, unedited)`,
        `${bad}: hosts.h1.tasks[0].items[0].files[0]: \`backup\` must be the absolute path of the copy on the host (pass the JSON report a \`ferry run --report\` wrote, unedited)`,
        `${bad}: hosts.h2: has no \`tasks\` list (pass the JSON report a \`ferry run --report\` wrote, unedited)`,
      ]);
      writeFileSync(bad, '{"hosts": ');
      expect(await readRecordedRun(bad).catch((e: FerryError) => e.code)).to.equal('SCHEMA');
      expect(await readRecordedRun(join(dir, 'none.json')).catch((e: FerryError) => e.code)).to.equal('FILE_NOT_FOUND');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rollback: pruning old backups (the script, run by sh)', () => {
  it('names runs so that names sort in the order the runs started, to the millisecond', () => {
    const second = Date.parse('2026-01-02T03:04:05.000Z');
    const ids = [second + 900, second + 5, second + 120].map((t) => newRunId(new Date(t)));
    expect(ids.every((id) => RUN_ID.test(id))).to.equal(true);
    expect([...ids].sort()).to.deep.equal([ids[1], ids[2], ids[0]]);
    expect(ids[0]).to.match(/^20260102T030405900Z-[0-9a-f]{6}$/);
  });

  it('keeps the N newest run directories and .bak copies, and nothing else is touched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-prune-'));
    try {
      const store = join(dir, 'store');
      // An id from before ids had milliseconds, then two runs of one second whose random parts sort the other way.
      const runs = ['20250101T000000Z-aaaaaa', '20250102T000000500Z-ffffff', '20250102T000000900Z-111111'];
      for (const r of [...runs, 'not-a-run']) mkdirSync(join(store, r, 'etc'), { recursive: true });
      const target = join(dir, "it's $(x) a file");
      const baks = ['20250101T000000Z', '20250101T000000Z.1', '20250102T000000Z'].map((s) => `${target}.bak.${s}`);
      for (const f of [target, ...baks, `${target}.bak.manual`]) writeFileSync(f, 'x');
      execFileSync('sh', ['-c', pruneBackupsScript({ keep: 2, stores: [store], besides: [target] })]);
      expect(readdirSync(store).sort()).to.deep.equal([...runs.slice(1), 'not-a-run']);
      expect(readdirSync(dir).filter((n) => n.includes('.bak.')).sort()).to.deep.equal(
        [baks[1], baks[2], `${target}.bak.manual`].map((b) => b.slice(dir.length + 1)).sort(),
      );
      execFileSync('sh', ['-c', pruneBackupsScript({ keep: 1, stores: [store], besides: [] })]);
      expect(readdirSync(store).sort()).to.deep.equal([runs[2], 'not-a-run']);
      expect(() => pruneBackupsScript({ keep: 0, stores: [], besides: [] })).to.throw(RangeError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rollback: the restore script (run by sh)', () => {
  it('touches nothing, backup included, when the file changed since it was looked at', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-restore-'));
    try {
      const file = join(dir, "conf $(x) 'q'");
      writeFileSync(file, 'changed a moment ago\n');
      writeFileSync(`${file}.orig`, 'original\n');
      const script = restoreScript(change({ path: file, backup: `${file}.orig` }), '20250101T000000Z-abcdef', sha('b'));
      const res = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
      expect(res.status).to.equal(10);
      expect(readFileSync(file, 'utf8')).to.equal('changed a moment ago\n');
      expect(readdirSync(dir).sort()).to.deep.equal([file, `${file}.orig`].map((f) => f.slice(dir.length + 1)).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
