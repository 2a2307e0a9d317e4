import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { user } from '../../lib/modules/user/user.js';
import { LAB_USER } from '../support/lab/index.js';
import { startModuleLab, type ModuleLab } from './hostModuleLab.js';

/** The passwd line of an account on this machine (the lab hosts share /etc/passwd), or undefined. */
function passwdOf(name: string): string[] | undefined {
  const r = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(':') : undefined;
}

function groupsOf(name: string): string[] {
  return execFileSync('id', ['-Gn', name], { encoding: 'utf8' }).trim().split(' ');
}

// The lab hosts share this machine's /etc/passwd: the account is unique to this run and always removed afterwards.
describe('user on a real host', function () {
  const name = `ferrytest_${randomBytes(4).toString('hex')}`;
  // The home lies in the host's private /tmp, so creating and removing it touches nothing of this machine.
  const home = `/tmp/${name}`;
  let ml: ModuleLab;

  before(async function () {
    ml = await startModuleLab(1);
  });
  after(async () => {
    if (passwdOf(name)) spawnSync('userdel', [name]);
    await ml?.stop();
  });

  it('check mode plans useradd and creates nothing', async () => {
    const out = await ml.run(user, { name, home, shell: '/bin/sh' }, { user: LAB_USER, become: true, check: true });
    expect(out.status).to.equal('changed');
    expect(out.plan?.changes.map((c) => c.summary)).to.deep.equal([`useradd -s /bin/sh -d ${home} -m -- ${name}`]);
    expect(passwdOf(name)).to.equal(undefined);
  });

  it('creates the account with its home, shell, comment and groups (become as the lab user)', async () => {
    const out = await ml.run(user, { name, home, shell: '/bin/sh', comment: 'ferry test persona', groups: ['adm'] }, { user: LAB_USER, become: true });
    expect(out.status, out.msg).to.equal('changed');
    const entry = passwdOf(name);
    expect(entry?.[4]).to.equal('ferry test persona');
    expect(entry?.slice(5)).to.deep.equal([home, '/bin/sh']);
    expect(groupsOf(name).slice(1)).to.deep.equal(['adm']);
    const st = statSync(ml.hostOf().pathOf(home));
    expect(st.isDirectory()).to.equal(true);
    expect(st.uid).to.equal(Number(entry?.[2]));
  });

  it('plans nothing on the second run', async () => {
    const out = await ml.run(user, { name, home, shell: '/bin/sh', comment: 'ferry test persona', groups: ['adm'] });
    expect(out.status).to.equal('ok');
    expect(out.plan?.changes).to.deep.equal([]);
  });

  it('modifies only what differs: shell, and groups as the full set', async () => {
    const out = await ml.run(user, { name, shell: '/bin/bash', groups: [LAB_USER] });
    expect(out.plan?.changes.map((c) => c.summary)).to.deep.equal([`usermod -G ${LAB_USER} -s /bin/bash -- ${name}`]);
    expect(out.status, out.msg).to.equal('changed');
    expect(passwdOf(name)?.[6]).to.equal('/bin/bash');
    expect(groupsOf(name).slice(1)).to.deep.equal([LAB_USER]);
    const appended = await ml.run(user, { name, groups: ['adm'], append: true });
    expect(appended.status, appended.msg).to.equal('changed');
    expect(groupsOf(name).slice(1).sort()).to.deep.equal(['adm', LAB_USER].sort());
  });

  it('says so when the login user may not change accounts', async () => {
    const err = await ml.run(user, { name, shell: '/bin/sh' }, { user: LAB_USER }).catch((e: Error) => e);
    expect(err).to.be.instanceOf(Error);
    expect((err as Error).message).to.equal('usermod needs root, and the task runs as an ordinary user');
    expect(passwdOf(name)?.[6]).to.equal('/bin/bash');
  });

  it('removes the account and its home', async () => {
    const out = await ml.run(user, { name, state: 'absent', remove: true }, { user: LAB_USER, become: true });
    expect(out.status, out.msg).to.equal('changed');
    expect(passwdOf(name)).to.equal(undefined);
    expect(existsSync(ml.hostOf().pathOf(home))).to.equal(false);
    const again = await ml.run(user, { name, state: 'absent' });
    expect(again.status).to.equal('ok');
  });
});
