import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, type ClientChannel } from 'ssh2';
import { Transport } from '../../lib/transport/Transport.js';
import type { SshHost } from '../../lib/transport/SshHost.js';
import { spawnFerry } from '../support/faults/spawnFerry.js';
import { waitFor } from '../support/faults/waitFor.js';
import { startLab, systemSsh, type Lab, type LabHost } from '../support/lab/index.js';
import { readReport, runFerry } from '../support/runFerry.js';

/** Lines of a host's sshd log that say it dropped a connection past MaxStartups. */
const drops = (h: LabHost): number => readFileSync(h.logFile, 'utf8').split('\n').filter((l) => /past MaxStartups/.test(l)).length;

/** Opens `n` exec channels at once on a plain ssh2 client: how many sshd refused. */
async function refusedOf(lab: Lab, h: LabHost, n: number): Promise<number> {
  const client = new Client();
  client.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('error', reject);
    client.connect({ host: h.address, port: h.port, username: 'root', privateKey: readFileSync(lab.keyFile) });
  });
  const opened = await Promise.all(
    Array.from({ length: n }, () => new Promise<ClientChannel | undefined>((resolve) => client.exec('sleep 2', (err, ch) => resolve(err ? undefined : ch)))),
  );
  client.end();
  return opened.filter((c) => c === undefined).length;
}

// sshd's own limits, low on every host, and fifty hosts at once: ferry stays under MaxSessions, retries the
// handshakes MaxStartups drops, and reports no failure that is not real.
describe('faults: sshd limits (MaxSessions 2, MaxStartups 1) on fifty hosts at once', function () {
  this.timeout(180000);
  let lab: Lab;
  let work: string;
  before(async function () {
    lab = await startLab({ count: 50, sshd: { MaxSessions: '2', MaxStartups: '1:100:1' } });
    work = mkdtempSync(path.join(os.tmpdir(), 'ferry-limits-'));
    const tasks = [
      { name: 'Directory', file: { path: '/srv/limits', state: 'directory', mode: '0755' } },
      { name: 'Config', copy: { dest: '/srv/limits/app.conf', content: 'limits={{ inventory_hostname }}\n' } },
      { name: 'Command', command: { cmd: 'touch /srv/limits/touched', creates: '/srv/limits/touched' } },
    ];
    writeFileSync(path.join(work, 'limits.yml'), JSON.stringify([{ name: 'Fifty hosts', hosts: 'lab', tasks }]));
  });
  after(async () => lab?.stop());

  it('MaxSessions: more channels than sshd allows are refused, and the transport lowers its limit and retries', async function () {
    const h = lab.hosts[1];
    expect(await refusedOf(lab, h, 3), 'sshd refuses a third channel').to.be.greaterThan(0);
    const t = new Transport({ hostKeys: { knownHostsFile: lab.knownHostsFile, acceptNew: false }, maxChannelsPerHost: 4 });
    try {
      const host = (await t.connect({ name: h.name, address: h.address, port: h.port, user: 'root', privateKeyFile: lab.keyFile })) as SshHost;
      // A held channel (as the host lock keeps) leaves one session for work.
      const held = await host.hold({ script: 'echo ready; cat >/dev/null' });
      expect(await held.nextLine(10000)).to.equal('ready');
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => host.exec({ script: `sleep 0.2; echo ${i}` })));
      expect(results.map((r) => r.stdout)).to.deep.equal(['0\n', '1\n', '2\n', '3\n', '4\n', '5\n']);
      expect(host.channelLimit).to.equal(1);
      await held.release();
    } finally {
      await t.close();
    }
  });

  it('fifty hosts at once, one of them past MaxStartups at first: every host changes, none fails', async function () {
    const squatted = lab.hosts[0];
    // An unauthenticated connection that says nothing holds host1's only startup slot.
    const squatter = net.connect({ host: squatted.address, port: squatted.port });
    await new Promise<void>((resolve) => squatter.once('connect', () => resolve()));
    try {
      await waitFor('sshd to count the squatter', async () => (await systemSsh(lab, squatted, 'root', 'true')).rc === 255, 20000);
      const before = drops(squatted);
      const report = path.join(work, 'first.json');
      const first = spawnFerry(['run', path.join(work, 'limits.yml'), '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--no-retry-file', '--report', report, '--timeout', '30']);
      await waitFor("ferry's handshake to be dropped", () => drops(squatted) > before || first.child.exitCode !== null, 60000);
      squatter.destroy();
      const done = await first.done;
      expect(done.code, done.stdout + done.stderr).to.equal(0);
      const r = readReport(report);
      for (const h of lab.hosts) {
        expect(r.hosts[h.name].changed, h.name).to.equal(3);
        expect(r.hosts[h.name].failed + r.hosts[h.name].unreachable, h.name).to.equal(0);
        expect(readFileSync(h.pathOf('/srv/limits/app.conf'), 'utf8')).to.equal(`limits=${h.name}\n`);
      }
    } finally {
      squatter.destroy();
    }
    const again = await runFerry(['run', path.join(work, 'limits.yml'), '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--no-retry-file', '--report', path.join(work, 'again.json'), '--timeout', '30']);
    expect(again.code, again.stdout + again.stderr).to.equal(0);
    const ra = readReport(path.join(work, 'again.json'));
    for (const h of lab.hosts) expect(ra.hosts[h.name].changed, h.name).to.equal(0);
  });
});
