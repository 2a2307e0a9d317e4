import { expect } from 'chai';
import { lchownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashTree } from '../support/lab/hashTree.js';
import { filesOf, labUserIds, startRollbackLab, type RollbackLab } from './rollbackLab.js';

/** A playbook that makes, touches, re-modes and removes every kind of path the file module handles, then runs a command. */
const PLAYBOOK = `- name: Change paths every way the file module can
  hosts: lab
  become: true
  tasks:
    - name: App directories
      file: { path: /srv/app/conf.d, state: directory, mode: "0750", owner: ferryops }
    - name: Marker
      file: { path: /srv/app/conf.d/marker, state: touch, mode: "0600" }
    - name: Tighten mode.conf
      file: { path: /etc/ferry-app/mode.conf, mode: "0600", owner: ferryops, group: ferryops }
    - name: Old config gone
      file: { path: /etc/ferry-app/old.conf, state: absent }
    - name: Old release gone
      file: { path: /opt/release-1, state: absent }
    - name: Current link gone
      file: { path: /etc/ferry-app/current, state: absent }
    - name: Lock down the data directory
      file: { path: /etc/ferry-app/data, state: directory, mode: "0700", group: ferryops }
    - name: Something that is not a file
      command: /bin/true
`;

/** What a rollback must never restore: ferry's own store, the lock, logs and the logins' homes. */
const NOT_COMPARED = ['/var/backups', '/tmp', '/var/log', '/root', '/home/ferryops'];

describe('ferry rollback of the file module: files, directories, trees and symlinks back as they were', function () {
  this.timeout(180_000);
  let rl: RollbackLab;
  const hosts = ['host1', 'host2'];
  const pristine: Record<string, string> = {};
  const afterRun: Record<string, string> = {};
  let releaseHash: string;
  const ops = labUserIds();
  const tree = (host: string, exclude: string[] = []) => rl.lab.hashTree(host, { exclude: [...NOT_COMPARED, ...exclude] });

  /** The paths the playbook finds on each host: files of several modes and owners, a release tree with a link in it. */
  const plantAll = (host: string): void => {
    const at = (p: string) => rl.host(host).pathOf(p);
    rl.plant(host, '/etc/ferry-app/mode.conf', { text: 'mode\n', mode: 0o644, uid: 0, gid: 0 });
    rl.plant(host, '/etc/ferry-app/old.conf', { text: 'retired setting\n', mode: 0o640, uid: 0, gid: ops.gid });
    rl.plant(host, '/etc/ferry-app/data/keep', { text: 'data\n', mode: 0o600, uid: 0, gid: 0 });
    rl.plant(host, '/opt/release-1/bin/run', { text: '#!/bin/sh\necho run\n', mode: 0o755, uid: ops.uid, gid: ops.gid });
    rl.plant(host, '/opt/release-1/etc/app conf', { text: 'name with a space\n', mode: 0o640, uid: 0, gid: ops.gid });
    mkdirSync(at('/opt/release-1/empty'), { mode: 0o700 });
    symlinkSync('bin/run', at('/opt/release-1/latest'));
    symlinkSync('/opt/release-1', at('/etc/ferry-app/current'));
    lchownSync(at('/etc/ferry-app/current'), ops.uid, ops.gid);
  };
  const run = (...extra: string[]) => rl.ferry(['run', rl.playbook('file.yml', PLAYBOOK), '-i', rl.inventory, ...extra]);

  before(async () => {
    rl = await startRollbackLab(2);
    for (const h of hosts) {
      plantAll(h);
      pristine[h] = await tree(h);
    }
    releaseHash = await hashTree(rl.host('host1').pathOf('/opt/release-1'));
    const res = await run('--report', join(rl.work, 'run.json'));
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    for (const h of hosts) afterRun[h] = await tree(h);
    for (const h of hosts) expect(afterRun[h], `the run changed ${h}`).not.to.equal(pristine[h]);
  });
  after(async () => rl?.stop());

  it('records every path it changed with what undoes it', () => {
    const report = rl.report('run.json');
    const [srvApp, confD, marker, modeConf, oldConf, release, current, data] = filesOf(report, 'host1');
    expect([srvApp.path, srvApp.before, srvApp.after.type]).to.deep.equal(['/srv/app', 'absent', 'directory']);
    expect(confD).to.deep.include({ path: '/srv/app/conf.d', before: 'absent', become: true });
    expect(confD.after).to.deep.include({ type: 'directory', mode: '0750', uid: ops.uid, gid: 0 });
    expect(marker).to.deep.include({ path: '/srv/app/conf.d/marker', before: 'absent' });
    expect(marker.after.sha256, 'an empty file').to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(modeConf.before).to.deep.include({ mode: '0644', uid: 0, gid: 0 });
    expect(modeConf.backup).to.equal(`/var/backups/ferry/${report.runId}/etc/ferry-app/mode.conf`);
    expect(oldConf).to.deep.include({ after: 'absent', backup: `/var/backups/ferry/${report.runId}/etc/ferry-app/old.conf` });
    expect(oldConf.before).to.deep.include({ mode: '0640', uid: 0, gid: ops.gid });
    expect(rl.seen('host1', oldConf.backup)).to.deep.equal({ text: 'retired setting\n', mode: 0o640, uid: 0, gid: ops.gid });
    expect(release).to.deep.include({ after: 'absent', backup: `/var/backups/ferry/${report.runId}/opt/release-1` });
    expect(release.before).to.deep.include({ type: 'directory', mode: '0755', uid: 0, gid: 0 });
    expect(release.before.tree).to.match(/^[0-9a-f]{64}$/);
    expect(current).to.deep.equal({ path: '/etc/ferry-app/current', before: { type: 'symlink', target: '/opt/release-1', uid: ops.uid, gid: ops.gid, owner: 'ferryops', group: 'ferryops' }, after: 'absent', become: true });
    expect([data.before.mode, data.after.mode, data.after.gid]).to.deep.equal(['0755', '0700', ops.gid]);
    expect(data.backup, 'a mode change of a directory copies nothing').to.equal(undefined);
  });

  it('keeps a removed tree whole in the backup store: every mode, owner, link and byte', async () => {
    const { backup } = filesOf(rl.report('run.json'), 'host1')[5];
    expect(await hashTree(rl.host('host1').pathOf(backup))).to.equal(releaseHash);
  });

  it('--check names what it would restore and what it cannot undo, predicts the emptied directories, and changes nothing', async () => {
    const res = await rl.ferry(['rollback', join(rl.work, 'run.json'), '--check', '--report', join(rl.work, 'check.json')]);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    for (const h of hosts) expect(await tree(h), h).to.equal(afterRun[h]);
    for (const h of hosts) expect(res.stdout).to.include(`not undone: Something that is not a file on ${h} (command changes are not files)`);
    expect(res.stdout).to.include('remove directory /srv/app/conf.d, which the run made');
    expect(res.stdout).to.include('restore directory /opt/release-1 and everything in it from /var/backups/ferry/');
    expect(res.stdout).to.include('re-create symlink /etc/ferry-app/current -> /opt/release-1 (owner ferryops:ferryops)');
    const report = rl.report('check.json');
    for (const h of hosts) expect([report.hosts[h].changed, report.hosts[h].failed], h).to.deep.equal([7, 0]);
    expect(report.notUndone).to.deep.equal(hosts.map((h) => ({ host: h, task: 'Something that is not a file', module: 'command', why: 'command changes are not files' })));
  });

  it('puts host1 back exactly; on host2 it stops at a made directory someone put a file in, leaving it', async () => {
    writeFileSync(rl.host('host2').pathOf('/srv/app/conf.d/added-later'), 'not the run\'s\n');
    const res = await rl.ferry(['rollback', join(rl.work, 'run.json'), '--report', join(rl.work, 'rollback.json')]);
    expect(res.code, res.stdout + res.stderr).to.equal(2);
    expect(await tree('host1'), 'every path on host1 as before the run').to.equal(pristine.host1);
    expect(res.stdout).to.include('/srv/app/conf.d, which the run made, now holds "added-later": not removed');
    expect(await tree('host2', ['/srv/app']), 'host2 restored up to the refused directory').to.equal(pristine.host2);
    expect(rl.seen('host2', '/srv/app/conf.d/added-later')).to.deep.include({ text: 'not the run\'s\n' });
    expect(res.stdout).to.include('not undone: Something that is not a file on host1 (command changes are not files)');
    const report = rl.report('rollback.json');
    expect(report.notUndone).to.have.length(2);
    expect([report.hosts.host1.failed, report.hosts.host2.failed]).to.deep.equal([0, 1]);
  });

  it("is a run of its own: rolling the rollback back puts the run's changes back on host1", async () => {
    const res = await rl.ferry(['rollback', join(rl.work, 'rollback.json'), '-l', 'host1']);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(await tree('host1')).to.equal(afterRun.host1);
  });

  it('refuses to put back a tree from a copy that no longer holds it', async () => {
    // host1 holds the run's changes again: the run's own report takes it back to before the run, twice over.
    const back = await rl.ferry(['rollback', join(rl.work, 'run.json'), '-l', 'host1']);
    expect(back.code, back.stdout + back.stderr).to.equal(0);
    expect(await tree('host1')).to.equal(pristine.host1);
    const again = await run('-l', 'host1', '--report', join(rl.work, 'run2.json'));
    expect(again.code, again.stdout + again.stderr).to.equal(0);
    const { backup } = filesOf(rl.report('run2.json'), 'host1').find((f: any) => f.path === '/opt/release-1');
    writeFileSync(rl.host('host1').pathOf(`${backup}/bin/run`), 'tampered\n');
    const rb = await rl.ferry(['rollback', join(rl.work, 'run2.json'), '-l', 'host1', '--force']);
    expect(rb.code, rb.stdout + rb.stderr).to.equal(2);
    expect(rb.stdout).to.match(/the backup \/var\/backups\/ferry\/\S+\/opt\/release-1 of \/opt\/release-1 no longer holds the pre-run tree: not restored/);
    expect(rl.seen('host1', '/opt/release-1'), 'nothing put back from a tampered copy').to.equal('absent');
  });
});
