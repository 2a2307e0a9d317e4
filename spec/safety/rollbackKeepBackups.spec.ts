import { expect } from 'chai';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { filesOf, labUserIds, startRollbackLab, type RollbackLab } from './rollbackLab.js';

const HOME = '/home/ferryops';
const USER_STORE = `${HOME}/.local/state/ferry/backups`;

/** Three kinds of backup: root's store (become), the login user's store (no become), and beside the file (backup: true). */
const PLAYBOOK = `- hosts: lab
  tasks:
    - name: Root-owned file, through sudo
      copy: { dest: /etc/ferry-app/k.conf, content: "n={{ n }}\\n" }
      become: true
    - name: The login user's own file, without sudo
      copy: { dest: ${HOME}/k.conf, content: "n={{ n }}\\n", mode: "0600" }
    - name: An env file whose old copies stay beside it
      env_line: { path: /etc/ferry-app/k.env, key: N, value: "{{ n }}", backup: true }
      become: true
`;

describe('--keep-backups N: only the N newest runs keep their backups', function () {
  this.timeout(120_000);
  let rl: RollbackLab;
  const runIds: string[] = [];
  const ops = labUserIds();
  const runN = (n: number) =>
    rl.ferry(['run', rl.playbook('keep.yml', PLAYBOOK), '-i', rl.inventory, '-e', `n=${n}`, '--keep-backups', '2', '--report', join(rl.work, `run${n}.json`)]);

  before(async () => {
    rl = await startRollbackLab(1);
    rl.plant('host1', '/etc/ferry-app/k.conf', { text: 'n=0\n', mode: 0o644, uid: 0, gid: 0 });
    rl.plant('host1', `${HOME}/k.conf`, { text: 'n=0\n', mode: 0o600, uid: ops.uid, gid: ops.gid });
    rl.plant('host1', '/etc/ferry-app/k.env', { text: 'N=0\n', mode: 0o600, uid: 0, gid: 0 });
    for (const n of [1, 2, 3]) {
      const res = await runN(n);
      expect(res.code, res.stdout + res.stderr).to.equal(0);
      runIds.push(rl.report(`run${n}.json`).runId);
    }
  });
  after(async () => rl?.stop());

  const local = (remote: string) => rl.host('host1').pathOf(remote);

  it("prunes root's store and the login user's store to the two newest runs", () => {
    expect(readdirSync(local('/var/backups/ferry')).sort()).to.deep.equal(runIds.slice(1));
    expect(readdirSync(local(USER_STORE)).sort()).to.deep.equal(runIds.slice(1));
    const userStore = statSync(local(USER_STORE));
    expect([userStore.uid, userStore.mode & 0o777], "the login user's store is its own, private").to.deep.equal([ops.uid, 0o700]);
    const copy = filesOf(rl.report('run3.json'), 'host1')[1];
    expect(copy.backup).to.equal(`${USER_STORE}/${runIds[2]}${HOME}/k.conf`);
    expect(statSync(local(copy.backup)).mode & 0o777).to.equal(0o600);
    expect(copy.become).to.equal(undefined);
  });

  it('prunes the .bak copies beside a file to the two newest', () => {
    const baks = readdirSync(local('/etc/ferry-app')).filter((n) => n.startsWith('k.env.bak.')).sort();
    expect(baks).to.have.length(2);
    expect(baks.map((b) => rl.seen('host1', `/etc/ferry-app/${b}`)).map((s) => (s === 'absent' ? s : s.text))).to.deep.equal(['N=1\n', 'N=2\n']);
  });

  it('a kept run still rolls back; a pruned one is refused and says why', async () => {
    const gone = await rl.ferry(['rollback', join(rl.work, 'run1.json')]);
    expect(gone.code, gone.stdout + gone.stderr).to.equal(2);
    expect(gone.stdout).to.match(/changed since the run|is missing/);
    const kept = await rl.ferry(['rollback', join(rl.work, 'run3.json')]);
    expect(kept.code, kept.stdout + kept.stderr).to.equal(0);
    for (const p of ['/etc/ferry-app/k.conf', `${HOME}/k.conf`]) expect(rl.seen('host1', p)).to.deep.include({ text: 'n=2\n' });
    expect(rl.seen('host1', '/etc/ferry-app/k.env')).to.deep.include({ text: 'N=2\n' });
    const forced = await rl.ferry(['rollback', join(rl.work, 'run1.json'), '--force']);
    expect(forced.code).to.equal(2);
    expect(forced.stdout).to.match(/backup \/\S+ of \/etc\/ferry-app\/k\.env is missing: not restored/);
  });

  it('refuses --keep-backups below 1 before contacting any host', async () => {
    const res = await rl.ferry(['run', rl.playbook('keep.yml', PLAYBOOK), '-i', rl.inventory, '-e', 'n=9', '--keep-backups', '0']);
    expect(res.code).to.equal(5);
    expect(res.stderr).to.include('--keep-backups must be a whole number of runs, at least 1');
    expect(rl.seen('host1', '/etc/ferry-app/k.conf')).to.deep.include({ text: 'n=2\n' });
  });
});
