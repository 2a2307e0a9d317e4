import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { processesMentioning, processState, startLab, systemSsh, type Lab } from '../support/lab/index.js';

/** Resolves with the error code of a TCP connect ('OK' when it is accepted). */
function connectOutcome(address: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect({ host: address, port });
    s.once('connect', () => {
      s.destroy();
      resolve('OK');
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'ERROR'));
  });
}

describe('lab: OpenSSH hosts in their own mount namespaces', function () {
  let lab: Lab;

  before(async function () {
    lab = await startLab({ count: 3, files: { '/etc/ferry-app/seed.env': 'A=1\n' } });
  });
  after(async () => lab?.stop());

  it('starts three hosts on distinct loopback addresses of one block, port 2222', function () {
    expect(lab.hosts.map((h) => h.name)).to.deep.equal(['host1', 'host2', 'host3']);
    const blocks = new Set(lab.hosts.map((h) => h.address.split('.').slice(0, 3).join('.')));
    expect(blocks.size).to.equal(1);
    expect(lab.hosts.map((h) => h.address.split('.')[3])).to.deep.equal(['1', '2', '3']);
    lab.hosts.forEach((h) => expect(h.port).to.equal(2222));
  });

  it('answers the system ssh client as root and as ferryops on every host, host keys checked', async function () {
    for (const host of lab.hosts) {
      const root = await systemSsh(lab, host, 'root', 'id -un');
      expect(root, root.stderr).to.include({ rc: 0, stdout: 'root\n' });
      const ops = await systemSsh(lab, host, 'ferryops', 'id -un; sudo -n id -un');
      expect(ops, ops.stderr).to.include({ rc: 0, stdout: 'ferryops\nroot\n' });
    }
  });

  it('keeps each host private tree separate, visible on the controller at pathOf()', async function () {
    const [h1, h2] = lab.hosts;
    const wrote = await systemSsh(lab, h1, 'root', 'echo only-on-host1 > /etc/ferry-app/private.txt');
    expect(wrote.rc, wrote.stderr).to.equal(0);
    const onHost2 = await systemSsh(lab, h2, 'root', 'cat /etc/ferry-app/private.txt');
    expect(onHost2.rc).to.not.equal(0);
    expect(readFileSync(h1.pathOf('/etc/ferry-app/private.txt'), 'utf8')).to.equal('only-on-host1\n');
    expect(existsSync(h2.pathOf('/etc/ferry-app/private.txt'))).to.equal(false);
    expect(() => h1.pathOf('/usr/bin/env')).to.throw(/not under any private mount/);
  });

  it('places the initial files on every host', async function () {
    for (const host of lab.hosts) {
      const r = await systemSsh(lab, host, 'root', 'cat /etc/ferry-app/seed.env');
      expect(r.stdout).to.equal('A=1\n');
    }
  });

  it('gives the lab user its own home and a sticky /tmp on each host', async function () {
    const r = await systemSsh(lab, lab.hosts[0], 'ferryops', 'stat -c "%U %a" "$HOME" /tmp');
    expect(r.stdout).to.equal('ferryops 755\nroot 1777\n');
  });

  it('writes the inventory with every host, and extra inventories with other users, vars and groups', function () {
    const inv = parse(readFileSync(lab.inventoryFile, 'utf8'));
    const hosts = inv.all.children.lab.hosts;
    expect(Object.keys(hosts)).to.deep.equal(['host1', 'host2', 'host3']);
    expect(hosts.host2).to.deep.equal({
      ansible_host: lab.hosts[1].address,
      ansible_port: 2222,
      ansible_user: 'root',
      ansible_ssh_private_key_file: lab.keyFile,
    });
    const other = parse(readFileSync(lab.writeInventory({ user: 'ferryops', extra: { app: 'x' }, groups: { web: ['host1'] } }), 'utf8'));
    expect(other.all.children.lab.hosts.host1.ansible_user).to.equal('ferryops');
    expect(other.all.children.lab.vars).to.deep.equal({ app: 'x' });
    expect(Object.keys(other.all.children.web.hosts)).to.deep.equal(['host1']);
  });

  it('writes known_hosts with every host as [address]:port and its own key', function () {
    const lines = readFileSync(lab.knownHostsFile, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).to.deep.equal(lab.hosts.map((h) => `[${h.address}]:2222`));
    expect(new Set(lines.map((l) => l.split(' ')[2])).size).to.equal(3);
  });

  it('hashTree is stable across reads and changes with a file', async function () {
    const before = await lab.hashTree('host3');
    await systemSsh(lab, lab.hosts[2], 'root', 'cat /etc/ferry-app/seed.env >/dev/null');
    expect(await lab.hashTree('host3')).to.equal(before);
    await systemSsh(lab, lab.hosts[2], 'root', 'chmod 600 /etc/ferry-app/seed.env');
    const afterChmod = await lab.hashTree('host3');
    expect(afterChmod).to.not.equal(before);
    await writeFile(lab.hosts[2].pathOf('/srv/new'), 'x');
    expect(await lab.hashTree('host3')).to.not.equal(afterChmod);
    expect(await lab.hashTree('host3', { exclude: ['/srv'] })).to.not.equal(afterChmod);
  });

  it('traceExecve captures the execve of a command run over ssh', async function () {
    const trace = await lab.traceExecve('host2');
    const r = await systemSsh(lab, lab.hosts[1], 'root', '/bin/true lab-trace-marker-7f3a');
    expect(r.rc).to.equal(0);
    const text = await trace.stop();
    expect(text).to.match(/execve\("\/bin\/true", \["\/bin\/true", "lab-trace-marker-7f3a"\]/);
  });

  it('freezeHost stops every process of the host and the returned function resumes them', async function () {
    const host = lab.hosts[2];
    const thaw = lab.freezeHost('host3');
    expect(processState(host.sshdPid)).to.equal('T');
    thaw();
    expect(processState(host.sshdPid)).to.not.equal('T');
    const r = await systemSsh(lab, host, 'root', 'echo back');
    expect(r.stdout).to.equal('back\n');
  });

  it('stopHost makes the address refuse connections and leaves the others up', async function () {
    const [h1, , h3] = lab.hosts;
    await lab.stopHost('host3');
    expect(await connectOutcome(h3.address, h3.port)).to.equal('ECONNREFUSED');
    expect(await connectOutcome(h1.address, h1.port)).to.equal('OK');
  });
});

describe('lab: lifecycle', function () {
  it('runs two labs at once on different blocks, and stop() leaves no sshd of either running', async function () {
    const [a, b] = await Promise.all([startLab({ count: 2 }), startLab({ count: 2 })]);
    try {
      const blockOf = (l: Lab): string => l.hosts[0].address.split('.').slice(0, 3).join('.');
      expect(blockOf(a)).to.not.equal(blockOf(b));
      // A process that left sshd's tree (setsid, reparented) must still die with its host.
      const escaped = await systemSsh(a, a.hosts[0], 'root', 'setsid sleep 600 </dev/null >/dev/null 2>&1 & echo $!');
      const escapedPid = Number(escaped.stdout.trim());
      expect(processState(escapedPid)).to.be.oneOf(['S', 'R']);
      const trace = await a.traceExecve('host2');
      expect(processesMentioning(a.dir).length).to.be.greaterThan(0);
      await a.stop();
      expect(processesMentioning(a.dir)).to.deep.equal([]);
      expect(processState(escapedPid) ?? 'gone').to.be.oneOf(['gone', 'Z']);
      for (const h of a.hosts) expect(await connectOutcome(h.address, h.port)).to.equal('ECONNREFUSED');
      expect(existsSync(a.dir)).to.equal(false);
      expect(await trace.stop()).to.be.a('string');
      const r = await systemSsh(b, b.hosts[1], 'root', 'echo still-up');
      expect(r.stdout).to.equal('still-up\n');
      await a.stop();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('kills a lab its process forgot to stop when that process exits', async function () {
    const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'forgottenLab.ts');
    const out = await new Promise<string>((resolve, reject) =>
      execFile('npx', ['tsx', script], { encoding: 'utf8' }, (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout))),
    );
    const { dir, pids } = JSON.parse(out) as { dir: string; pids: number[] };
    expect(pids).to.have.length(2);
    expect(processesMentioning(dir)).to.deep.equal([]);
    pids.forEach((pid) => expect(processState(pid) ?? 'gone').to.be.oneOf(['gone', 'Z']));
    expect(existsSync(dir)).to.equal(false);
  });
});
