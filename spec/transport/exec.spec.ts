import { expect } from 'chai';
import { processesMentioning, startLab, type Lab } from '../support/lab/index.js';
import type { Transport } from '../../lib/transport/Transport.js';
import type { RemoteHost } from '../../lib/transport/types.js';
import { acceptedLogins, rejection, specFor, transportFor } from './labTransport.js';

describe('transport: exec over one connection per host', function () {
  let lab: Lab;
  let transport: Transport;
  let root1: RemoteHost;

  before(async function () {
    lab = await startLab({ count: 3 });
    transport = transportFor(lab);
    root1 = await transport.connect(specFor(lab, lab.hosts[0]));
  });
  after(async function () {
    await transport?.close();
    await lab?.stop();
  });

  it('returns rc, stdout and stderr, decoded as UTF-8', async function () {
    const r = await root1.exec({ script: 'printf "gr\\303\\274n\\n"; echo warn >&2; exit 3' });
    expect(r).to.deep.equal({ rc: 3, stdout: 'grün\n', stderr: 'warn\n' });
  });

  it('sends stdin to the script, and the secret in it reaches no argv or environment on the host', async function () {
    const secret = 'ferry-secret-4b9d2e71c0a8f3';
    const trace = await lab.traceExecve('host1');
    const r = await root1.exec({ script: 'read -r tok; printf %s "$tok" | wc -c', stdin: `${secret}\n` });
    const text = await trace.stop();
    expect(r.stdout.trim()).to.equal(String(secret.length));
    // The trace did see this exec: the fixed command and the script's own wc ran.
    expect(text).to.match(/execve\("\/bin\/sh", \["\/bin\/sh", "-s"\]/);
    expect(text).to.include('"wc", "-c"');
    expect(text).to.not.include(secret);
  });

  it('runs as root through sudo -n when become is asked by a non-root login user', async function () {
    const ops = await transport.connect(specFor(lab, lab.hosts[1], 'ferryops'));
    expect(ops.user).to.equal('ferryops');
    expect((await ops.exec({ script: 'id -un' })).stdout).to.equal('ferryops\n');
    const trace = await lab.traceExecve('host2');
    const r = await ops.exec({ script: 'id -un; cat', stdin: 'via-sudo', become: true });
    const text = await trace.stop();
    expect(r).to.include({ rc: 0, stdout: 'root\nvia-sudo' });
    expect(text).to.match(/execve\("\/usr\/bin\/sudo", \["sudo", "-n", "\/bin\/sh", "-s"\]/);
  });

  it('runs no sudo for become when the login user is root already', async function () {
    const trace = await lab.traceExecve('host1');
    const r = await root1.exec({ script: 'id -un', become: true });
    const text = await trace.stop();
    expect(r.stdout).to.equal('root\n');
    expect(text).to.not.include('sudo');
  });

  it('runs 30 execs at once on one host without hitting MaxSessions', async function () {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => root1.exec({ script: `cat; echo " ${i}"`, stdin: `n` })),
    );
    results.forEach((r, i) => expect(r).to.deep.equal({ rc: 0, stdout: `n ${i}\n`, stderr: '' }));
  });

  it('answers rc 124 at the timeout; the channel stays taken until the host-side watchdog killed the script', async function () {
    const t = transportFor(lab, {}, { maxChannelsPerHost: 1 });
    try {
      const host = await t.connect(specFor(lab, lab.hosts[2]));
      // A duration no other run uses, so the process can be told apart from a concurrent run's.
      const sleeper = `sleep 41.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
      const started = Date.now();
      const r = await host.exec({ script: `echo begun; exec ${sleeper}`, timeoutMs: 400 });
      expect(r).to.deep.equal({ rc: 124, stdout: 'begun\n', stderr: '' });
      expect(Date.now() - started).to.be.lessThan(5000);
      // The only channel is still held by the timed-out script: this exec starts once the host has killed it.
      expect((await host.exec({ script: 'echo next' })).stdout).to.equal('next\n');
      expect(Date.now() - started).to.be.lessThan(10000);
      expect(processesMentioning(sleeper)).to.deep.equal([]);
    } finally {
      await t.close();
    }
  });

  it('runs a read-only exec (a probe) or a self-bounded one without the host-side watchdog, any other exec with it', async function () {
    const host = await transport.connect(specFor(lab, lab.hosts[0]));
    const trace = await lab.traceExecve('host1');
    expect((await host.exec({ script: 'echo probe', readOnly: true })).stdout).to.equal('probe\n');
    expect((await host.exec({ script: 'echo job', bounded: true, timeoutMs: 60000 })).stdout).to.equal('job\n');
    const quiet = await trace.stop();
    const trace2 = await lab.traceExecve('host1');
    expect((await host.exec({ script: 'echo apply' })).stdout).to.equal('apply\n');
    const watched = await trace2.stop();
    expect(quiet).to.match(/execve\("\/bin\/sh", \["\/bin\/sh", "-s"\]/);
    expect(quiet).to.not.match(/execve\("[^"]*\/sleep"/);
    expect(watched).to.match(/execve\("[^"]*\/sleep"/);
  });

  it('uses one connection per host for 20 execs and 5 writes each, even with concurrent connects', async function () {
    const fresh = transportFor(lab);
    const before = lab.hosts.map(acceptedLogins);
    try {
      await Promise.all(
        lab.hosts.map(async (h) => {
          const hosts = await Promise.all(Array.from({ length: 5 }, () => fresh.connect(specFor(lab, h))));
          expect(new Set(hosts).size).to.equal(1);
          const host = hosts[0];
          await Promise.all([
            ...Array.from({ length: 20 }, (_, i) => host.exec({ script: `echo ${i}` })),
            ...Array.from({ length: 5 }, (_, i) => host.writeFile({ path: `/srv/f${i}`, content: `${i}` })),
          ]);
        }),
      );
      for (const [i, h] of lab.hosts.entries()) {
        expect(fresh.handshakes(h.name)).to.equal(1);
        expect(acceptedLogins(h) - before[i]).to.equal(1);
      }
      expect(fresh.handshakes()).to.equal(3);
    } finally {
      await fresh.close();
    }
  });

  it('refuses work after close', async function () {
    const t = transportFor(lab);
    const host = await t.connect(specFor(lab, lab.hosts[2]));
    await t.close();
    expect((await rejection(host.exec({ script: 'true' }))).code).to.equal('INTERNAL');
    expect((await rejection(t.connect(specFor(lab, lab.hosts[2])))).code).to.equal('INTERNAL');
  });
});

describe('transport: become when sudo wants a password', function () {
  let lab: Lab;
  before(async function () {
    lab = await startLab({
      count: 1,
      mounts: ['/etc/sudoers.d', '/tmp', '/home/ferryops'],
      files: { '/etc/sudoers.d/ferryops': 'ferryops ALL=(ALL) ALL\n' },
    });
  });
  after(async () => lab?.stop());

  it('fails with a clear REMOTE error that says to set up passwordless sudo', async function () {
    const t = transportFor(lab);
    try {
      const host = await t.connect(specFor(lab, lab.hosts[0], 'ferryops'));
      const err = await rejection(host.exec({ script: 'id -un', become: true }));
      expect(err.code).to.equal('REMOTE');
      expect(err.where.host).to.equal('host1');
      expect(err.message).to.include('password');
      expect(err.hint).to.include('passwordless sudo');
    } finally {
      await t.close();
    }
  });
});
