import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startLab, type Lab } from '../support/lab/index.js';
import { acceptedLogins, rejection, specFor, transportFor } from './labTransport.js';

describe('transport: host keys checked against known_hosts, failing closed', function () {
  let lab: Lab;
  let lines: string[];
  let n = 0;
  /** A fresh known_hosts file in the lab dir with the given text. */
  const knownHosts = (text: string): string => {
    const file = path.join(lab.dir, `kh-${++n}`);
    writeFileSync(file, text);
    return file;
  };
  /** `type base64` of one lab host's key, from the lab's known_hosts. */
  const keyOf = (i: number): string => lines[i].split(' ').slice(1).join(' ');
  const nameOf = (i: number): string => `[${lab.hosts[i].address}]:2222`;

  before(async function () {
    lab = await startLab({ count: 2 });
    lines = readFileSync(lab.knownHostsFile, 'utf8').trim().split('\n');
  });
  after(async () => lab?.stop());

  it("refuses a host whose key is not the one on record (HOST_KEY), and never logs in", async function () {
    const h = lab.hosts[0];
    const before = acceptedLogins(h);
    const file = knownHosts(`${nameOf(0)} ${keyOf(1)}\n`);
    const t = transportFor(lab, { knownHostsFile: file });
    const err = await rejection(t.connect(specFor(lab, h)));
    expect(err.code).to.equal('HOST_KEY');
    expect(err.where).to.deep.equal({ host: 'host1' });
    expect(err.message).to.include('differs from').and.include(`${file} line 1`).and.match(/SHA256:/);
    expect(err.hint).to.include('ssh-keygen');
    expect(acceptedLogins(h)).to.equal(before);
  });

  it('still refuses a changed key with acceptNew, and leaves known_hosts alone', async function () {
    const file = knownHosts(`${nameOf(0)} ${keyOf(1)}\n`);
    const t = transportFor(lab, { knownHostsFile: file, acceptNew: true });
    expect((await rejection(t.connect(specFor(lab, lab.hosts[0])))).code).to.equal('HOST_KEY');
    expect(readFileSync(file, 'utf8')).to.equal(`${nameOf(0)} ${keyOf(1)}\n`);
  });

  it('refuses an unknown host with a hint that says how to add it', async function () {
    const file = knownHosts(`${nameOf(1)} ${keyOf(1)}\n`);
    const err = await rejection(transportFor(lab, { knownHostsFile: file }).connect(specFor(lab, lab.hosts[0])));
    expect(err.code).to.equal('HOST_KEY');
    expect(err.message).to.include('is not in');
    expect(err.hint).to.include(`ssh-keyscan -p 2222 ${lab.hosts[0].address} >> ${file}`).and.include('--accept-new-host-keys');
  });

  it('with acceptNew records an unknown host as [address]:port and connects; the next run trusts it', async function () {
    const file = path.join(lab.dir, 'new-dir', 'known_hosts');
    expect(existsSync(file)).to.equal(false);
    const t = transportFor(lab, { knownHostsFile: file, acceptNew: true });
    const [a, b] = await Promise.all(lab.hosts.map((h) => t.connect(specFor(lab, h))));
    expect((await a.exec({ script: 'echo ok' })).stdout).to.equal('ok\n');
    expect((await b.exec({ script: 'echo ok' })).stdout).to.equal('ok\n');
    await t.close();
    const recorded = readFileSync(file, 'utf8').trim().split('\n').sort();
    expect(recorded).to.deep.equal([...lines].sort());
    const again = transportFor(lab, { knownHostsFile: file });
    expect((await (await again.connect(specFor(lab, lab.hosts[1]))).exec({ script: 'echo again' })).stdout).to.equal('again\n');
    await again.close();
  });

  it('trusts a hashed entry written by ssh-keygen -H', async function () {
    const file = knownHosts(`${lines.join('\n')}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    expect(readFileSync(file, 'utf8')).to.not.include(lab.hosts[0].address);
    const t = transportFor(lab, { knownHostsFile: file });
    expect((await (await t.connect(specFor(lab, lab.hosts[0]))).exec({ script: 'echo hashed' })).stdout).to.equal('hashed\n');
    await t.close();
  });

  it('refuses a key marked @revoked, even when it is also listed as trusted', async function () {
    const file = knownHosts(`${lines[0]}\n@revoked * ${keyOf(0)}\n`);
    const err = await rejection(transportFor(lab, { knownHostsFile: file }).connect(specFor(lab, lab.hosts[0])));
    expect(err.code).to.equal('HOST_KEY');
    expect(err.message).to.include('@revoked');
  });

  it('skips @cert-authority lines and comments, and trusts a host listed among others', async function () {
    const file = knownHosts(`# lab hosts\n@cert-authority * ${keyOf(1)}\n\nother,${nameOf(0)},more ${keyOf(0)}\n`);
    const t = transportFor(lab, { knownHostsFile: file });
    expect((await (await t.connect(specFor(lab, lab.hosts[0]))).exec({ script: 'echo listed' })).stdout).to.equal('listed\n');
    await t.close();
  });
});
