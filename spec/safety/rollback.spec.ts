import { expect } from 'chai';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesOf, labUserIds, startRollbackLab, type Planted, type RollbackLab } from './rollbackLab.js';

const DIR = '/etc/ferry-app';
const TOKEN_OLD = 'tok-old-3f9a1c77e2b04d55';
const TOKEN_NEW = 'tok-new-8b21d4e09c6a7f13';

/** A playbook that replaces, creates, edits twice and re-modes files: every kind of change a rollback must undo. */
const PLAYBOOK = `- name: Change the app's files
  hosts: lab
  become: true
  tasks:
    - name: App config replaced
      copy: { dest: ${DIR}/app.conf, content: "listen=:9090\\n", mode: "0600" }
    - name: Token line
      env_line: { path: ${DIR}/app.env, key: API_TOKEN, value: "{{ token }}" }
    - name: New drop-in
      copy: { dest: ${DIR}/new.conf, content: "fresh\\n" }
    - name: Second edit of the env file, old copy kept beside it
      env_line: { path: ${DIR}/app.env, key: EXTRA, value: "{{ extra }}", backup: true }
    - name: Mode only
      copy: { dest: ${DIR}/mode.conf, content: "same\\n", mode: "0600" }
`;

describe('ferry rollback: every changed file back to its pre-run bytes, mode and owner', function () {
  this.timeout(120_000);
  let rl: RollbackLab;
  let pristine: Record<string, Record<string, unknown>>;
  const hosts = ['host1', 'host2'];
  const paths = ['app.conf', 'app.env', 'new.conf', 'mode.conf'].map((n) => `${DIR}/${n}`);
  const ops = labUserIds();
  const files = (): Record<string, Planted> => ({
    [`${DIR}/app.conf`]: { text: 'listen=:8080\n', mode: 0o644, uid: 0, gid: 0 },
    [`${DIR}/app.env`]: { text: `# app\nAPI_TOKEN=${TOKEN_OLD}\nOTHER='kept as is'\n`, mode: 0o640, uid: 0, gid: ops.gid },
    [`${DIR}/mode.conf`]: { text: 'same\n', mode: 0o644, uid: ops.uid, gid: ops.gid },
  });
  const snapshot = (host: string) => Object.fromEntries(paths.map((p) => [p, rl.seen(host, p)]));
  const run = (...extra: string[]) =>
    rl.ferry(['run', rl.playbook('change.yml', PLAYBOOK), '-i', rl.inventory, '-e', `token=${TOKEN_NEW}`, '-e', 'extra=two', ...extra]);

  before(async () => {
    rl = await startRollbackLab(2);
    for (const h of hosts) for (const [p, f] of Object.entries(files())) rl.plant(h, p, f);
    pristine = Object.fromEntries(hosts.map((h) => [h, snapshot(h)]));
    const res = await run('--report', join(rl.work, 'run.json'));
    expect(res.code, res.stdout + res.stderr).to.equal(0);
  });
  after(async () => rl?.stop());

  it('records every changed file in the report with its backup, the backup holding the old bytes with the old mode', () => {
    const report = rl.report('run.json');
    expect(report.runId).to.match(/^\d{8}T\d{9}Z-[0-9a-f]{6}$/);
    expect(report.inventory).to.equal(rl.inventory);
    const recorded = filesOf(report, 'host1');
    expect(recorded.map((f: any) => f.path)).to.deep.equal([`${DIR}/app.conf`, `${DIR}/app.env`, `${DIR}/new.conf`, `${DIR}/app.env`, `${DIR}/mode.conf`]);
    expect(recorded[2]).to.deep.include({ before: 'absent', become: true });
    expect(recorded[2].backup).to.equal(undefined);
    // ferry's own store for changes with no `backup:` asked, beside the file for `backup: true`.
    expect(recorded[1].backup).to.equal(`/var/backups/ferry/${report.runId}${DIR}/app.env`);
    expect(recorded[3].backup).to.match(/^\/etc\/ferry-app\/app\.env\.bak\.\d{8}T\d{6}Z$/);
    const host = rl.host('host1');
    const env = files()[`${DIR}/app.env`];
    const kept = statSync(host.pathOf(recorded[1].backup));
    expect([kept.mode & 0o7777, kept.uid, kept.gid], 'a backup holding a secret keeps its original mode').to.deep.equal([env.mode, env.uid, env.gid]);
    expect(rl.seen('host1', recorded[1].backup)).to.deep.include({ text: env.text });
    expect(statSync(host.pathOf(`/var/backups/ferry/${report.runId}`)).mode & 0o777, 'the run directory is root-only').to.equal(0o700);
    expect(statSync(host.pathOf('/var/backups/ferry')).mode & 0o777).to.equal(0o700);
    expect(recorded[4].before).to.deep.include({ mode: '0644', uid: ops.uid, gid: ops.gid });
    expect(recorded[4].after.sha256, 'a mode change keeps the bytes').to.equal(recorded[4].before.sha256);
  });

  it('--check says what it would restore, refuses nothing the real rollback would not, and changes nothing', async () => {
    const before = await Promise.all(hosts.map((h) => rl.lab.hashTree(h)));
    const res = await rl.ferry(['rollback', join(rl.work, 'run.json'), '--check', '--report', join(rl.work, 'check.json')]);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(await Promise.all(hosts.map((h) => rl.lab.hashTree(h)))).to.deep.equal(before);
    expect(res.stdout).to.include('[CHECK MODE]').and.include('TASK [rollback: Mode only]').and.include('PLAY RECAP');
    const report = rl.report('check.json');
    expect(report.check).to.equal(true);
    // The env file was changed twice: the second restore is predicted from the first, not refused.
    for (const h of hosts) expect([report.hosts[h].changed, report.hosts[h].failed], h).to.deep.equal([5, 0]);
  });

  it('refuses the report of a --check run, which changed nothing, before contacting any host', async () => {
    const res = await rl.ferry(['rollback', join(rl.work, 'check.json')]);
    expect(res.code).to.equal(5);
    expect(res.stderr).to.include('this is the report of a --check run, which changed nothing');
  });

  it('puts host1 back exactly, and on host2 stops at a file changed since the run, leaving that change alone', async () => {
    writeFileSync(rl.host('host2').pathOf(`${DIR}/app.conf`), 'edited by hand after the run\n');
    const res = await rl.ferry(['rollback', join(rl.work, 'run.json'), '--report', join(rl.work, 'rollback.json')]);
    expect(res.code, res.stdout + res.stderr).to.equal(2);
    expect(res.stdout).to.match(/app\.conf changed since the run .*not restored/);
    expect(res.stdout + res.stderr).not.to.include('    at ');
    expect(snapshot('host1')).to.deep.equal(pristine.host1);
    // host2: every later change undone (the stack stops at the refused file, the first change of the run).
    const host2 = snapshot('host2');
    expect(host2[`${DIR}/app.conf`]).to.deep.include({ text: 'edited by hand after the run\n' });
    for (const p of paths.filter((x) => !x.endsWith('app.conf'))) expect(host2[p], p).to.deep.equal(pristine.host2[p]);
    const report = rl.report('rollback.json');
    expect(report.rollbackOf).to.equal(join(rl.work, 'run.json'));
    expect([report.hosts.host1.failed, report.hosts.host2.failed]).to.deep.equal([0, 1]);
    expect(report.hosts.host1.changed).to.equal(5);
  });

  it('is a run of its own: rolling the rollback back puts the run\'s changes back on host1', async () => {
    const res = await rl.ferry(['rollback', join(rl.work, 'rollback.json'), '-l', 'host1']);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    const now = snapshot('host1');
    expect(now[`${DIR}/new.conf`]).to.deep.include({ text: 'fresh\n' });
    expect(now[`${DIR}/app.env`]).to.deep.include({ mode: 0o640 });
    expect((now[`${DIR}/app.env`] as { text: string }).text).to.include(`API_TOKEN=${TOKEN_NEW}`).and.include('EXTRA=two');
    expect(res.stdout).not.to.include(TOKEN_NEW).and.not.include(TOKEN_OLD);
  });

  it('--force restores over a later change; a second rollback finds nothing left to do', async () => {
    const forced = await rl.ferry(['rollback', join(rl.work, 'run.json'), '--force']);
    expect(forced.code, forced.stdout + forced.stderr).to.equal(0);
    expect(forced.stdout).to.include('(--force)');
    for (const h of hosts) expect(snapshot(h), h).to.deep.equal(pristine[h]);
    const again = await rl.ferry(['rollback', join(rl.work, 'run.json'), '--report', join(rl.work, 'again.json')]);
    expect(again.code, again.stdout + again.stderr).to.equal(0);
    const report = rl.report('again.json');
    for (const h of hosts) expect([report.hosts[h].ok, report.hosts[h].changed], h).to.deep.equal([5, 0]);
  });

  it('refuses, even forced, to restore from a backup that no longer holds the pre-run bytes', async () => {
    const res = await run('--report', join(rl.work, 'run2.json'));
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    const envBackup = filesOf(rl.report('run2.json'), 'host2')[1].backup;
    writeFileSync(rl.host('host2').pathOf(envBackup), 'tampered\n');
    const rb = await rl.ferry(['rollback', join(rl.work, 'run2.json'), '-l', 'host2', '--force']);
    expect(rb.code, rb.stdout + rb.stderr).to.equal(2);
    expect(rb.stdout).to.match(/backup .*app\.env no longer holds the pre-run bytes: not restored/);
    // The later edit (EXTRA=, backed up beside the file) was undone; the refused one is still there.
    const env = snapshot('host2')[`${DIR}/app.env`] as { text: string };
    expect(env.text).to.include(`API_TOKEN=${TOKEN_NEW}`).and.not.include('EXTRA=');
  });
});
