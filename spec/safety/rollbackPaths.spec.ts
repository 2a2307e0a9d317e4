import { expect } from 'chai';
import { itPlans, type PlanRow } from './restorePlanTable.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notUndoneOf } from '../../lib/cli/rollback/notUndoneOf.js';
import { parsePathFacts, pathProbeScript } from '../../lib/cli/rollback/pathProbeScript.js';
import type { RecordedTask } from '../../lib/cli/rollback/rollbackReport.js';
import { checkFileChange } from '../../lib/cli/rollback/rollbackShape.js';
import { backupStep } from '../../lib/modules/changes/backupStep.js';
import { ancestorsOf } from '../../lib/modules/changes/makeDirs.js';
import { treeBackupStep } from '../../lib/modules/changes/treeBackupStep.js';
import { TREE_DIGEST_FUNCTION } from '../../lib/modules/changes/treeDigest.js';
import type { DirectoryChange, DirState, LinkState, SymlinkChange } from '../../lib/report/types.js';

const sha = (c: string) => c.repeat(64);
const dir = (over: Partial<DirState> = {}): DirState => ({ type: 'directory', mode: '0750', uid: 0, gid: 0, ...over });
const link = (target = '/opt/r1', over: Partial<LinkState> = {}): LinkState => ({ type: 'symlink', target, uid: 0, gid: 0, ...over });
const made = (over: Partial<DirState> = {}): DirectoryChange => ({ path: '/srv/app', before: 'absent', after: dir(over) });
const removedTree: DirectoryChange = { path: '/opt/r1', backup: '/var/backups/ferry/r/opt/r1', before: dir({ tree: sha('a') }), after: 'absent' };
const remoded: DirectoryChange = { path: '/srv/d', before: dir({ mode: '0755' }), after: dir({ mode: '0700' }) };
const removedLink: SymlinkChange = { path: '/etc/current', before: link(), after: 'absent' };
const madeLink: SymlinkChange = { path: '/etc/current', before: 'absent', after: link() };

describe('rollback of directories and symlinks: what to do with one recorded change', () => {
  // [title, facts, change, force, want]
  const table: PlanRow[] = [
    ['a made directory, empty again: removed', { current: dir(), entries: [] }, made(), false, { change: 'remove directory /srv/app, which the run made' }],
    ['a made directory, gone already', { current: 'absent' }, made(), false, 'ok'],
    ['a made directory holding a file now: refused, even forced', { current: dir(), entries: ['late'] }, made(), true, { refused: /\/srv\/app, which the run made, now holds "late": not removed/ }],
    ['a made directory holding many names', { current: dir(), entries: 'many' }, made(), true, { refused: /now holds many entries/ }],
    ['a made directory re-moded since: refused', { current: dir({ mode: '0777' }), entries: [] }, made(), false, { refused: /changed since the run \(a directory \(mode 0777/ }],
    ['a made directory re-moded since, forced', { current: dir({ mode: '0777' }), entries: [] }, made(), true, { change: /over a later change \(--force\)$/ }],
    ['a made directory replaced by a file: refused, even forced', { current: 'other' }, made(), true, { refused: /no longer a directory/ }],
    ['a removed tree, path still free: put back', { current: 'absent', backup: sha('a') }, removedTree, false, { change: /^restore directory \/opt\/r1 and everything in it from \/var\/backups\/ferry\/r\/opt\/r1 \(mode 0750, owner 0:0\)$/ }],
    ['a removed tree, put back already', { current: dir({ tree: sha('a') }), backup: sha('a') }, removedTree, false, 'ok'],
    ['a removed tree, something there again: refused, even forced', { current: dir({ tree: sha('c') }), backup: sha('a') }, removedTree, true, { refused: /\/opt\/r1 is there again \(a directory .*\): not restored/ }],
    ['a removed tree whose copy changed: refused', { current: 'absent', backup: sha('d') }, removedTree, true, { refused: /no longer holds the pre-run tree/ }],
    ['a removed tree whose copy is gone: refused', { current: 'absent', backup: 'missing' }, removedTree, true, { refused: /backup \/var\/backups\/ferry\/r\/opt\/r1 of \/opt\/r1 is missing/ }],
    ['a re-moded directory, as the run left it: mode back', { current: dir({ mode: '0700' }) }, remoded, false, { change: 'restore directory /srv/d to mode 0755, owner 0:0' }],
    ['a re-moded directory, back already', { current: dir({ mode: '0755' }) }, remoded, false, 'ok'],
    ['a re-moded directory, changed since: refused', { current: dir({ mode: '0777' }) }, remoded, false, { refused: /changed since the run/ }],
    ['a re-moded directory, gone: refused, even forced', { current: 'absent' }, remoded, true, { refused: /no longer a directory \(absent\)/ }],
    ['a removed symlink, path free: re-created', { current: 'absent' }, removedLink, false, { change: 're-create symlink /etc/current -> /opt/r1 (owner 0:0)' }],
    ['a removed symlink, back already', { current: link() }, removedLink, false, 'ok'],
    ['a removed symlink, another there now: refused, even forced', { current: link('/elsewhere') }, removedLink, true, { refused: /is there again \(a symlink to \/elsewhere\)/ }],
    ['a made symlink, as left: removed', { current: link() }, madeLink, false, { change: 'remove symlink /etc/current, which the run made' }],
    ['a made symlink, pointing elsewhere: refused', { current: link('/elsewhere') }, madeLink, false, { refused: /changed since the run/ }],
    ['a made symlink, pointing elsewhere, forced', { current: link('/elsewhere') }, madeLink, true, { change: /over a later change \(--force\)$/ }],
    ['a made symlink, now a directory: refused, even forced', { current: dir() }, madeLink, true, { refused: /no longer a symlink/ }],
  ];
  itPlans(table);
});

describe('rollback: directory and symlink records are input, checked field by field', () => {
  const table: Array<[string, unknown, RegExp | undefined]> = [
    ['a made directory', made(), undefined],
    ['a removed tree', removedTree, undefined],
    ['a re-moded directory', remoded, undefined],
    ['a removed empty directory (a rollback\'s own)', { path: '/srv/app', before: dir(), after: 'absent' }, undefined],
    ['a removed symlink', removedLink, undefined],
    ['a made symlink', madeLink, undefined],
    ['both sides absent', { path: '/x', before: 'absent', after: 'absent' }, /cannot both be "absent"/],
    ['a directory that became a symlink', { path: '/x', before: dir(), after: link() }, /same kind/],
    ['an unknown type', { path: '/x', before: 'absent', after: { type: 'fifo', mode: '0644', uid: 0, gid: 0 } }, /`type`/],
    ['a directory mode that is shell', made({ mode: '0750; reboot' }), /`after\.mode`/],
    ['a directory owner that is shell', made({ uid: '0; reboot' as unknown as number }), /`after\.uid`/],
    ['an owner name with a terminal escape', made({ owner: '\u001b[2Jroot' }), /`after\.owner` must be a printable name/],
    ['a tree digest that is not one', { ...removedTree, before: dir({ tree: 'abc' }) }, /`before\.tree`/],
    ['a removed tree without its copy', { ...removedTree, backup: undefined }, /`backup`/],
    ['a removed tree with a relative copy', { ...removedTree, backup: 'opt/r1' }, /`backup`/],
    ['a re-moded directory with a copy', { ...remoded, backup: '/x' }, /`backup` makes sense only/],
    ['a re-moded directory with a tree', { ...remoded, after: dir({ tree: sha('a') }) }, /re-moded directory has no `tree`/],
    ['a symlink with a copy', { ...removedLink, backup: '/x' }, /no `backup`/],
    ['a symlink with a NUL in its target', { ...removedLink, before: link('/a\0b') }, /`before\.target`/],
    ['a symlink changed in place', { path: '/x', before: link(), after: link('/y') }, /"absent" on one side/],
    ['a regular file whose after has more than its sha256', { path: '/x', before: 'absent', after: { sha256: sha('a'), mode: '0644' } }, /`after`/],
  ];
  for (const [title, value, want] of table) {
    it(title, () => {
      const why = checkFileChange(value);
      if (want) expect(why).to.match(want);
      else expect(why).to.equal(undefined);
    });
  }
});

describe('rollback: what it says it leaves as it is', () => {
  const task = (name: string, module: string, over: Partial<RecordedTask> = {}): RecordedTask => ({ key: name, name, module, files: [], unrecorded: false, changes: [], ...over });
  const file = { path: '/t', before: 'absent' as const, after: { sha256: sha('a') } };
  it('names changed tasks that recorded no file, token_file tasks that minted in Gitea, and controller files', () => {
    const run = {
      hosts: new Map([
        ['h1', [
          task('Copy', 'copy', { files: [file] }),
          task('Add a user', 'user', { unrecorded: true }),
          task('Touch', 'file', { unrecorded: true }),
          task('Rotate', 'token_file', { files: [file], changes: ['delete older token t (id 3)', 'mint token t for p (scopes read:user): missing', 'write /t (mode 0600)'] }),
          task('Literal', 'token_file', { files: [file], changes: ['write /t (mode 0600): missing'] }),
          task('Hidden', 'token_file', { files: [file] }),
          task('Unchanged command', 'command'),
        ]],
        ['h2', [task('Add a user', 'user', { unrecorded: true })]],
      ]),
      delegated: [{ host: 'h1', path: '/ctl/f', task: 'Local copy', module: 'copy' }],
    };
    expect(notUndoneOf(run).map((g) => `${g.task} on ${g.host}: ${g.why}`)).to.deep.equal([
      'Add a user on h1: user changes are not files',
      'Touch on h1: file reported a change it recorded no file for (only times changed, a special file, or changed_when)',
      'Rotate on h1: only its file is restored: the token it minted stays in Gitea, and the older one it deleted stays deleted',
      'Hidden on h1: only its file is restored: any token it minted stays in Gitea, and any older one it deleted stays deleted',
      'Add a user on h2: user changes are not files',
      'Local copy on h1: /ctl/f was changed on the controller (delegate_to)',
    ]);
    expect(notUndoneOf(run, new Set(['h2'])).map((g) => g.host)).to.deep.equal(['h2']);
  });
});

describe('rollback: the probe of a directory or symlink (run by sh on real paths with hostile names)', () => {
  let root: string;
  const sh = (script: string) => execFileSync('sh', ['-c', script], { encoding: 'utf8' });
  before(() => {
    root = mkdtempSync(join(tmpdir(), "ferry-paths $(x) '"));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('sees a made directory with the names in it, and one past the limit as "many"', () => {
    const p = join(root, 'made');
    mkdirSync(p, { mode: 0o750 });
    chmodSync(p, 0o750);
    for (const n of ['a b', '.hidden', 'new\nline', '$(touch pwned)']) writeFileSync(join(p, n), '');
    const facts = parsePathFacts(sh(pathProbeScript({ path: p, before: 'absent', after: dir() })));
    expect(facts.current).to.deep.include({ type: 'directory', mode: '0750' });
    expect((facts.entries as string[]).sort()).to.deep.equal(['$(touch pwned)', '.hidden', 'a b', 'new\nline']);
    for (let i = 0; i < 70; i++) writeFileSync(join(p, `f${i}`), '');
    expect(parsePathFacts(sh(pathProbeScript({ path: p, before: 'absent', after: dir() }))).entries).to.equal('many');
  });

  it('digests a tree: a cp -a copy reads the same, a changed mode does not, and so does the backup check', () => {
    const t = join(root, 'tree');
    mkdirSync(join(t, 'sub'), { recursive: true });
    writeFileSync(join(t, 'sub', 'f g'), 'bytes');
    symlinkSync('sub/f g', join(t, 'l'));
    const copy = join(root, 'copy');
    execFileSync('cp', ['-a', t, copy]);
    const digest = (d: string) => sh(`${TREE_DIGEST_FUNCTION}ferry_tree '${d.replace(/'/g, `'\\''`)}'`).trim();
    expect(digest(copy)).to.match(/^[0-9a-f]{64}$/).and.to.equal(digest(t));
    const change: DirectoryChange = { path: join(root, 'gone'), backup: copy, before: dir({ tree: digest(t) }), after: 'absent' };
    expect(parsePathFacts(sh(pathProbeScript(change)))).to.deep.include({ current: 'absent', backup: digest(t) });
    chmodSync(join(copy, 'sub', 'f g'), 0o600);
    expect(digest(copy)).not.to.equal(digest(t));
  });

  it('sees a symlink as a link (its target and owner), not as what it points to', () => {
    const l = join(root, 'link');
    symlinkSync('/nowhere/$(x)', l);
    const facts = parsePathFacts(sh(pathProbeScript({ path: l, before: link(), after: 'absent' })));
    expect(facts.current).to.deep.include({ type: 'symlink', target: '/nowhere/$(x)', uid: process.getuid!() });
  });

  it('lists each missing directory of a path, top first', () => {
    expect(ancestorsOf('/srv/app/conf.d')).to.deep.equal(['/srv', '/srv/app', '/srv/app/conf.d']);
    expect(ancestorsOf('rel//a/')).to.deep.equal(['rel', 'rel/a']);
  });
});

describe('no backup, no change: a copy that fails stops the script before the change (run by sh)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ferry-nobackup-'));
    mkdirSync(join(root, 'bin'));
    // A cp that fails, as one does on a full or read-only store.
    writeFileSync(join(root, 'bin', 'cp'), '#!/bin/sh\necho "cp: No space left on device" >&2\nexit 1\n', { mode: 0o755 });
    mkdirSync(join(root, 'tree', 'sub'), { recursive: true });
    writeFileSync(join(root, 'file'), 'original\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  const runWithFailingCp = (step: string) =>
    spawnSync('sh', ['-c', `${step}echo CHANGED`], { encoding: 'utf8', env: { ...process.env, PATH: `${join(root, 'bin')}:${process.env.PATH}`, HOME: root, XDG_STATE_HOME: join(root, 'state') } });

  it('the failing cp is real: it fails', () => {
    expect(spawnSync(join(root, 'bin', 'cp'), ['a', 'b']).status).to.equal(1);
  });
  for (const [what, step] of [
    ['a regular file', () => backupStep(join(root, 'file'), { runId: '20250101T000000Z-abcdef' })],
    ['a regular file kept beside itself', () => backupStep(join(root, 'file'), { beside: true })],
    ['a directory tree', () => treeBackupStep(join(root, 'tree'), '20250101T000000Z-abcdef')],
  ] as const) {
    it(`${what}: exit 9, no record printed, the change never runs`, () => {
      const res = runWithFailingCp(step());
      expect(res.status).to.equal(9);
      expect(res.stdout).not.to.include('CHANGED');
      expect(res.stdout).not.to.match(/^(before|dir|backup)=/m);
      expect(res.stderr).to.include('No space left on device');
    });
  }
});
