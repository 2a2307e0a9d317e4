import { expect } from 'chai';
import { chownSync, lstatSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { startLab, type Lab, type LabHost } from '../support/lab/index.js';
import type { Transport } from '../../lib/transport/Transport.js';
import type { RemoteHost } from '../../lib/transport/types.js';
import { rejection, specFor, transportFor } from './labTransport.js';

const modeOf = (p: string): number => statSync(p).mode & 0o7777;
const ownerOf = (p: string): [number, number] => [statSync(p).uid, statSync(p).gid];

describe('transport: atomic writeFile on a real host', function () {
  let lab: Lab;
  let transport: Transport;
  let host: LabHost;
  let root: RemoteHost;
  let ops: RemoteHost;
  let opsIds: [number, number];

  before(async function () {
    lab = await startLab({ count: 2 });
    transport = transportFor(lab);
    host = lab.hosts[0];
    root = await transport.connect(specFor(lab, host));
    ops = await transport.connect(specFor(lab, lab.hosts[1], 'ferryops'));
    opsIds = ownerOf(lab.hosts[1].pathOf('/home/ferryops'));
  });
  after(async function () {
    await transport?.close();
    await lab?.stop();
  });

  it("keeps an existing target's mode and owner", async function () {
    const local = host.pathOf('/etc/ferry-app/app.env');
    writeFileSync(local, 'OLD=1\n', { mode: 0o640 });
    chownSync(local, opsIds[0], opsIds[1]);
    await root.writeFile({ path: '/etc/ferry-app/app.env', content: 'NEW=2\n' });
    expect(readFileSync(local, 'utf8')).to.equal('NEW=2\n');
    expect(modeOf(local)).to.equal(0o640);
    expect(ownerOf(local)).to.deep.equal(opsIds);
  });

  it('keeps a symlink and writes its real target', async function () {
    const real = host.pathOf('/srv/shared.env');
    writeFileSync(real, 'A=1\n', { mode: 0o600 });
    symlinkSync('/srv/shared.env', host.pathOf('/etc/ferry-app/link.env'));
    await root.writeFile({ path: '/etc/ferry-app/link.env', content: 'A=2\n' });
    expect(lstatSync(host.pathOf('/etc/ferry-app/link.env')).isSymbolicLink()).to.equal(true);
    expect(readlinkSync(host.pathOf('/etc/ferry-app/link.env'))).to.equal('/srv/shared.env');
    expect(readFileSync(real, 'utf8')).to.equal('A=2\n');
    expect(modeOf(real)).to.equal(0o600);
  });

  it('creates a new file with the asked mode, owner and group', async function () {
    await root.writeFile({ path: '/etc/ferry-app/token', content: 'tok', mode: 0o600, owner: 'ferryops', group: 'ferryops' });
    const local = host.pathOf('/etc/ferry-app/token');
    expect(modeOf(local)).to.equal(0o600);
    expect(ownerOf(local)).to.deep.equal(opsIds);
    expect(readFileSync(local, 'utf8')).to.equal('tok');
  });

  it('handles a path with spaces, quotes, $(x), backticks and a newline', async function () {
    const name = "/srv/a b 'q' $(touch pwned) `touch pwned` $HOME\nz.conf";
    await root.writeFile({ path: name, content: 'odd\n', mode: 0o644 });
    expect(readFileSync(host.pathOf(name), 'utf8')).to.equal('odd\n');
    expect(readdirSync(host.pathOf('/srv'))).to.include(name.slice('/srv/'.length)).and.not.include('pwned');
    expect(readdirSync(host.pathOf('/root'))).to.not.include('pwned');
  });

  it('gives the temp file its final owner and mode before any content, and the content reaches no argv', async function () {
    const secret = 'write-secret-71f0c2b9e4d85a36';
    const trace = await lab.traceExecve('host1');
    await root.writeFile({ path: '/etc/ferry-app/ordered', content: secret, mode: 0o600, owner: 'ferryops' });
    const text = await trace.stop();
    expect(text).to.not.include(secret);
    const order = ['"mktemp"', '"chown"', '"chmod"', '"cat"', '"sync"', '"mv"'].map((cmd) => text.indexOf(`execve("/usr/bin/${cmd.slice(1, -1)}", [${cmd}`));
    order.forEach((at) => expect(at).to.be.greaterThan(-1));
    expect([...order].sort((a, b) => a - b)).to.deep.equal(order);
    expect(readFileSync(host.pathOf('/etc/ferry-app/ordered'), 'utf8')).to.equal(secret);
  });

  it('leaves no temp file behind', function () {
    expect(readdirSync(host.pathOf('/etc/ferry-app')).filter((n) => n.startsWith('.ferry.'))).to.deep.equal([]);
  });

  it('writes as the login user in its own home without become', async function () {
    await ops.writeFile({ path: '/home/ferryops/notes', content: 'mine', mode: 0o600 });
    const local = lab.hosts[1].pathOf('/home/ferryops/notes');
    expect(ownerOf(local)).to.deep.equal(opsIds);
  });

  it('fails with a REMOTE error naming the path when the login user may not write there, and works with become', async function () {
    const err = await rejection(ops.writeFile({ path: '/etc/ferry-app/root-only', content: 'x' }));
    expect(err.code).to.equal('REMOTE');
    expect(err.where.host).to.equal('host2');
    expect(err.message).to.include('/etc/ferry-app/root-only');
    expect(err.hint).to.include('become');
    await ops.writeFile({ path: '/etc/ferry-app/root-only', content: 'x', become: true });
    expect(ownerOf(lab.hosts[1].pathOf('/etc/ferry-app/root-only'))).to.deep.equal([0, 0]);
  });

  it('fails with a REMOTE error for a missing directory, and refuses an invalid mode before connecting', async function () {
    const missing = await rejection(root.writeFile({ path: '/srv/no/such/dir/f', content: 'x' }));
    expect(missing.code).to.equal('REMOTE');
    expect(missing.message).to.include('does not exist');
    const bad = await rejection(root.writeFile({ path: '/srv/f', content: 'x', mode: 0o17777 }));
    expect(bad.code).to.equal('MODULE');
  });
});
