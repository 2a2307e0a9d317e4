import { expect } from 'chai';
import { join } from 'node:path';
import { acquireHostLock, type HeldLock } from '../../lib/engine/hostLock/acquireHostLock.js';
import { holderText } from '../../lib/engine/hostLock/holderText.js';
import { Transport } from '../../lib/transport/Transport.js';
import type { RemoteHost } from '../../lib/transport/types.js';
import { spawnFerry } from '../support/faults/spawnFerry.js';
import { startRollbackLab, type RollbackLab } from './rollbackLab.js';

const CONF = '/etc/ferry-app/app.conf';
const PLAYBOOK = `- name: Change a file
  hosts: lab
  become: true
  tasks:
    - name: App config
      copy: { dest: ${CONF}, content: "changed by the run\\n" }
`;

// A rollback changes hosts as a run does, so it takes the same host lock: it never interleaves with a run.
describe('ferry rollback takes the host lock a run takes', function () {
  this.timeout(120_000);
  let rl: RollbackLab;
  let transport: Transport;
  let host1: RemoteHost;
  const hosts = ['host1', 'host2'];
  const text = (h: string) => (rl.seen(h, CONF) as { text: string }).text;
  const hold = (holder: string): Promise<HeldLock> => acquireHostLock(host1, { mode: 'fail', waitSeconds: 1, holder });
  const run = () => rl.ferry(['run', rl.playbook('change.yml', PLAYBOOK), '-i', rl.inventory, '--report', join(rl.work, 'run.json')]);

  before(async () => {
    rl = await startRollbackLab(2);
    transport = new Transport({ hostKeys: { knownHostsFile: rl.lab.knownHostsFile, acceptNew: false } });
    const h = rl.host('host1');
    host1 = await transport.connect({ name: 'host1', address: h.address, port: h.port, user: 'root', privateKeyFile: rl.lab.keyFile });
  });
  after(async () => {
    await transport?.close();
    await rl?.stop();
  });
  beforeEach(async () => {
    for (const h of hosts) rl.plant(h, CONF, { text: 'before the run\n', mode: 0o644, uid: 0, gid: 0 });
    const res = await run();
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    for (const h of hosts) expect(text(h)).to.equal('changed by the run\n');
  });

  it('fails a host another run holds, naming the holder, and restores nothing there; the free host is restored', async () => {
    const lock = await hold('ferry run by spec-holder');
    try {
      const res = await rl.ferry(['rollback', join(rl.work, 'run.json')]);
      expect(res.code, res.stdout + res.stderr).to.equal(2);
      expect(res.stdout).to.include('[host1]: host1 is locked by another ferry run by spec-holder').and.include('--lock wait');
      expect(res.stdout).not.to.match(/\n\s+at .*\(/);
      expect(text('host1'), 'nothing restored under another run').to.equal('changed by the run\n');
      expect(text('host2')).to.equal('before the run\n');
    } finally {
      await lock.release();
    }
  });

  it('--check takes no lock: it reads while another run holds the host', async () => {
    const lock = await hold('ferry run by spec-holder');
    try {
      const res = await rl.ferry(['rollback', join(rl.work, 'run.json'), '--check']);
      expect(res.code, res.stdout + res.stderr).to.equal(0);
      expect(res.stdout).not.to.include('locked');
      for (const h of hosts) expect(text(h)).to.equal('changed by the run\n');
    } finally {
      await lock.release();
    }
  });

  it('with --lock wait, waits for the holder, then restores', async () => {
    const lock = await hold('ferry run by spec-holder');
    const waiting = spawnFerry(['rollback', join(rl.work, 'run.json'), '--lock', 'wait', '--lock-timeout', '50', '--known-hosts', rl.lab.knownHostsFile]);
    try {
      await waiting.waitForOutput(/waiting up to 50s for the host lock held by ferry run by spec-holder/);
      expect(waiting.child.exitCode, 'still waiting').to.equal(null);
      expect(text('host1')).to.equal('changed by the run\n');
    } finally {
      await lock.release();
    }
    const res = await waiting.done;
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    for (const h of hosts) expect(text(h)).to.equal('before the run\n');
  });

  it('a run that finds a rollback holding the host names it as a rollback', async () => {
    const lock = await hold(holderText(join(rl.work, 'run.json'), new Date(), 'rollback'));
    try {
      const res = await run();
      expect(res.code, res.stdout + res.stderr).to.equal(2);
      expect(res.stdout).to.include('host1 is locked by another ferry rollback by').and.include(`report ${join(rl.work, 'run.json')}`);
    } finally {
      await lock.release();
    }
  });
});
