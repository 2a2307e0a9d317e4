import { expect } from 'chai';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { acquireHostLock } from '../../lib/engine/hostLock/acquireHostLock.js';
import type { HostLockPolicy } from '../../lib/engine/hostLock/HostLockPolicy.js';
import { FerryError } from '../../lib/errors/FerryError.js';
import { Transport } from '../../lib/transport/Transport.js';
import { CuttingProxy } from '../support/faults/CuttingProxy.js';
import { proxiedInventory } from '../support/faults/proxiedInventory.js';
import { spawnFerry, type RunningFerry } from '../support/faults/spawnFerry.js';
import { waitFor } from '../support/faults/waitFor.js';
import { startLab, type Lab } from '../support/lab/index.js';
import { runFerry } from '../support/runFerry.js';

const PLAYBOOK = 'spec/safety/playbooks/lock-journal.yml';

// Two ferry runs against the same hosts at once: the host lock keeps their changes apart, and is given back whatever
// way its run ends.
describe('safety: concurrent runs and the host lock', function () {
  this.timeout(60000);
  let lab: Lab;
  const running: RunningFerry[] = [];
  before(async () => {
    lab = await startLab({ count: 2 });
  });
  after(async () => lab?.stop());
  beforeEach(() => {
    for (const h of lab.hosts) for (const p of ['/srv/journal', '/tmp/reached-A', '/tmp/reached-B', '/tmp/go-A', '/tmp/go-B']) rmSync(h.pathOf(p), { force: true });
  });
  afterEach(async () => {
    // Whatever a spec left holding is let go and awaited, so the next one starts on free hosts.
    go('A');
    go('B');
    await Promise.all(running.splice(0).map((r) => r.done));
  });

  const args = (run: string, ...extra: string[]): string[] => [
    'run', PLAYBOOK, '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--no-retry-file', '-e', `run=${run}`, ...extra,
  ];
  const start = (run: string, ...extra: string[]): RunningFerry => {
    const r = spawnFerry(args(run, ...extra));
    running.push(r);
    return r;
  };
  const go = (run: string): void => lab.hosts.forEach((h) => writeFileSync(h.pathOf(`/tmp/go-${run}`), ''));
  const reached = (run: string): Promise<void> => waitFor(`run ${run} to begin on every host`, () => lab.hosts.every((h) => existsSync(h.pathOf(`/tmp/reached-${run}`))));
  const journals = (): string[][] => lab.hosts.map((h) => readFileSync(h.pathOf('/srv/journal'), 'utf8').trim().split('\n'));

  it('is needed: without the lock two runs interleave their changes on a host', async function () {
    const a = start('A', '--lock', 'off');
    await reached('A');
    go('B');
    const b = await runFerry(args('B', '--lock', 'off'));
    expect(b.code, b.stdout + b.stderr).to.equal(0);
    go('A');
    expect((await a.done).code).to.equal(0);
    for (const j of journals()) expect(j).to.deep.equal(['A begin', 'B begin', 'B end', 'A end']);
  });

  it('fails the second run at once (the default), naming the holder, and it changes nothing', async function () {
    const a = start('A');
    await reached('A');
    go('B');
    const started = Date.now();
    const b = await runFerry(args('B'));
    expect(Date.now() - started, 'a refusal does not wait').to.be.lessThan(20000);
    expect(b.code, b.stdout + b.stderr).to.equal(2);
    for (const h of lab.hosts) {
      expect(b.stdout).to.include(`[${h.name}]: ${h.name} is locked by another ferry run by`);
    }
    expect(b.stdout).to.include(`(pid ${a.child.pid})`).and.include(`playbook ${PLAYBOOK}`).and.include('--lock wait');
    expect(b.stdout).to.not.match(/\n\s+at .*\(/);
    for (const j of journals()) expect(j).to.deep.equal(['A begin']);
    go('A');
    expect((await a.done).code).to.equal(0);
    for (const j of journals()) expect(j).to.deep.equal(['A begin', 'A end']);
  });

  it('with --lock wait, the second run waits its turn and then runs whole', async function () {
    const a = start('A');
    await reached('A');
    go('B');
    const b = start('B', '--lock', 'wait', '--lock-timeout', '50');
    await b.waitForOutput(new RegExp(`waiting up to 50s for the host lock held by ferry run by \\S+ \\(pid ${a.child.pid}\\)`));
    for (const j of journals()) expect(j).to.deep.equal(['A begin']);
    go('A');
    expect((await a.done).code).to.equal(0);
    const rb = await b.done;
    expect(rb.code, rb.stdout + rb.stderr).to.equal(0);
    for (const j of journals()) expect(j).to.deep.equal(['A begin', 'A end', 'B begin', 'B end']);
  });

  it('a --check run takes no lock: it reads while another run holds the hosts', async function () {
    const a = start('A');
    await reached('A');
    const check = await runFerry(args('C', '--check'));
    expect(check.code, check.stdout + check.stderr).to.equal(0);
    expect(a.child.exitCode, 'the holder is still running').to.equal(null);
    go('A');
    expect((await a.done).code).to.equal(0);
  });

  it('is given back when its run is killed outright, without waiting for it to go stale', async function () {
    const a = start('A');
    await reached('A');
    a.child.kill('SIGKILL');
    await a.done;
    go('B');
    const started = Date.now();
    const b = await runFerry(args('B', '--lock', 'wait', '--lock-timeout', '25'));
    expect(b.code, b.stdout + b.stderr).to.equal(0);
    // Well under the 30 s a silent holder takes to go stale: the host saw the connection end and let go.
    expect(Date.now() - started).to.be.lessThan(20000);
    for (const j of journals()) expect(j).to.deep.equal(['A begin', 'B begin', 'B end']);
  });

  describe('through the library', function () {
    const policy = (p: Partial<HostLockPolicy>): HostLockPolicy => ({ mode: 'fail', waitSeconds: 1, holder: 'ferry run by spec', ...p });
    const direct = (t: Transport) =>
      t.connect({ name: 'host1', address: lab.hosts[0].address, port: lab.hosts[0].port, user: 'ferryops', privateKeyFile: lab.keyFile });

    it('goes stale when its holder falls silent (a network that stopped): another run then takes it', async function () {
      const host = lab.hosts[0];
      const proxy = await CuttingProxy.start(host.address, host);
      const { knownHosts } = proxiedInventory(lab, { host1: proxy }, 'stale');
      const first = new Transport({ hostKeys: { knownHostsFile: knownHosts, acceptNew: false } });
      const second = new Transport({ hostKeys: { knownHostsFile: lab.knownHostsFile, acceptNew: false } });
      try {
        const viaProxy = await first.connect({ name: 'host1', address: proxy.address, port: proxy.port, user: 'root', privateKeyFile: lab.keyFile });
        await acquireHostLock(viaProxy, policy({ holder: 'ferry run by first', staleSeconds: 2 }));
        const other = await direct(second);
        const refused = await acquireHostLock(other, policy({ holder: 'ferry run by second' })).then(
          () => expect.fail('the lock was free'),
          (err: unknown) => err,
        );
        expect(refused).to.be.instanceOf(FerryError);
        expect((refused as FerryError).code).to.equal('LOCKED');
        expect((refused as FerryError).message).to.equal('host1 is locked by another ferry run by first');
        proxy.freeze();
        const frozenAt = Date.now();
        const lock = await acquireHostLock(other, policy({ mode: 'wait', waitSeconds: 20, holder: 'ferry run by second' }));
        const waited = Date.now() - frozenAt;
        expect(waited, 'held until the holder went stale').to.be.greaterThan(1000);
        expect(waited).to.be.lessThan(15000);
        await lock.release();
      } finally {
        await second.close();
        await proxy.close();
        await first.close();
      }
    });

    it('refuses a lock path that is a symbolic link, touching nothing behind it', async function () {
      const host = lab.hosts[0];
      symlinkSync('/etc/ferry-app/victim', host.pathOf('/tmp/.ferry.linked'));
      const t = new Transport({ hostKeys: { knownHostsFile: lab.knownHostsFile, acceptNew: false } });
      try {
        const err = await acquireHostLock(await direct(t), policy({ path: '/tmp/.ferry.linked' })).then(
          () => expect.fail('took a lock through a symlink'),
          (e: unknown) => e as FerryError,
        );
        expect(err.code).to.equal('REMOTE');
        expect(err.message).to.include('/tmp/.ferry.linked is a symbolic link');
        expect(existsSync(host.pathOf('/etc/ferry-app/victim'))).to.equal(false);
      } finally {
        await t.close();
      }
    });
  });
});
