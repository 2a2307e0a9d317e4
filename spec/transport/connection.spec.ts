import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startLab, type Lab } from '../support/lab/index.js';
import { rejection, specFor, transportFor } from './labTransport.js';

describe('transport: unreachable hosts and failed logins', function () {
  let lab: Lab;
  before(async function () {
    lab = await startLab({ count: 3 });
  });
  after(async () => lab?.stop());

  /** A new ed25519 key in the lab dir, optionally with a passphrase. */
  const newKey = (name: string, passphrase = ''): { file: string; pub: string } => {
    const file = path.join(lab.dir, name);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-a', '1', '-N', passphrase, '-C', name, '-f', file]);
    return { file, pub: readFileSync(`${file}.pub`, 'utf8') };
  };

  it('reports a key that is not authorized as AUTH, without key material', async function () {
    const key = newKey('stranger');
    const err = await rejection(transportFor(lab).connect(specFor(lab, lab.hosts[0], 'root', { privateKeyFile: key.file })));
    expect(err.code).to.equal('AUTH');
    expect(err.where.host).to.equal('host1');
    expect(err.message).to.include('root').and.include(key.file);
    expect(err.hint).to.include('authorized_keys');
    const material = readFileSync(key.file, 'utf8').split('\n')[1];
    expect(err.format()).to.not.include(material);
  });

  it('reports a missing key file and an encrypted key without its passphrase as AUTH', async function () {
    const t = transportFor(lab);
    const missing = await rejection(t.connect(specFor(lab, lab.hosts[0], 'root', { name: 'm', privateKeyFile: path.join(lab.dir, 'nope') })));
    expect(missing.code).to.equal('AUTH');
    expect(missing.message).to.include('ENOENT');
    const locked = newKey('locked', 'correct horse');
    const noPass = await rejection(t.connect(specFor(lab, lab.hosts[0], 'root', { name: 'n', privateKeyFile: locked.file })));
    expect(noPass.code).to.equal('AUTH');
    expect(noPass.message).to.include('encrypted');
    expect(noPass.hint).to.include('passphrase');
    const wrong = await rejection(t.connect(specFor(lab, lab.hosts[0], 'root', { name: 'w', privateKeyFile: locked.file, passphrase: 'wrong' })));
    expect(wrong.code).to.equal('AUTH');
    expect(wrong.format()).to.not.include('wrong');
  });

  it('logs in with an encrypted key and its passphrase', async function () {
    const key = newKey('unlocked', 'battery staple');
    await lab.authorizeKey(key.pub);
    const t = transportFor(lab);
    const host = await t.connect(specFor(lab, lab.hosts[1], 'ferryops', { privateKeyFile: key.file, passphrase: 'battery staple' }));
    expect((await host.exec({ script: 'id -un' })).stdout).to.equal('ferryops\n');
    await t.close();
  });

  it('gives up on a host that does not answer the handshake (UNREACHABLE, timed out)', async function () {
    const thaw = lab.freezeHost('host3');
    try {
      const started = Date.now();
      const err = await rejection(transportFor(lab).connect(specFor(lab, lab.hosts[2], 'root', { connectTimeout: 1 })));
      expect(err.code).to.equal('UNREACHABLE');
      expect(err.message).to.include('within 1s');
      expect(Date.now() - started).to.be.lessThan(10000);
    } finally {
      thaw();
    }
  });

  it('reports a lost connection as UNREACHABLE on the next exec', async function () {
    const t = transportFor(lab);
    const host = await t.connect(specFor(lab, lab.hosts[2]));
    expect((await host.exec({ script: 'echo up' })).stdout).to.equal('up\n');
    await lab.stopHost('host3');
    const err = await rejection(host.exec({ script: 'echo again' }));
    expect(err.code).to.equal('UNREACHABLE');
    expect(err.where.host).to.equal('host3');
    await t.close();
  });

  it('reports a stopped host as UNREACHABLE while the others work', async function () {
    const t = transportFor(lab);
    const [down, up] = await Promise.allSettled([t.connect(specFor(lab, lab.hosts[2])), t.connect(specFor(lab, lab.hosts[0]))]);
    expect(down.status).to.equal('rejected');
    const err = (down as PromiseRejectedResult).reason as { code: string; message: string; hint: string; where: { host: string } };
    expect(err.code).to.equal('UNREACHABLE');
    expect(err.where.host).to.equal('host3');
    expect(err.message).to.include('refused');
    expect(err.hint).to.include('port 2222');
    expect(up.status).to.equal('fulfilled');
    const r = await (up as PromiseFulfilledResult<Awaited<ReturnType<typeof t.connect>>>).value.exec({ script: 'echo fine' });
    expect(r.stdout).to.equal('fine\n');
    // A failed host is not retried within one run: the same error comes back without a new handshake.
    await rejection(t.connect(specFor(lab, lab.hosts[2])));
    expect(t.handshakes('host3')).to.equal(1);
    await t.close();
  });
});
