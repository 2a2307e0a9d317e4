import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CuttingProxy } from '../support/faults/CuttingProxy.js';
import { proxiedInventory } from '../support/faults/proxiedInventory.js';
import { ferryTempFiles } from '../support/faults/tempFiles.js';
import { startLab, type Lab } from '../support/lab/index.js';
import { readReport, runFerry } from '../support/runFerry.js';

/** Where the cuts fall, as fractions of a whole run's bytes: the handshake, the lock, each write, the very end. */
const CUTS = [0.005, 0.02, 0.05, 0.15, 0.3, 0.5, 0.7, 0.9, 0.99];
const HOSTS = CUTS.length + 1;
const FILES = ['/srv/cut/a.conf', '/srv/cut/big.txt', '/srv/cut/c.conf'];
const OLD: Record<string, string> = Object.fromEntries(FILES.map((f) => [f, `old ${path.basename(f)}\n`]));
const NEW: Record<string, string> = {
  '/srv/cut/a.conf': 'a=new\n',
  '/srv/cut/big.txt': Array.from({ length: 6000 }, (_, i) => `new line ${i} ${'x'.repeat(i % 40)}\n`).join(''),
  '/srv/cut/c.conf': 'c=new\n',
};

// The connection cut at N bytes, N swept across a whole run: one host per cut point, each behind its own proxy.
describe('faults: the connection cut at every point of a run', function () {
  this.timeout(120000);
  let lab: Lab;
  let work: string;
  const proxies: CuttingProxy[] = [];
  before(async () => {
    lab = await startLab({ count: HOSTS, files: OLD });
    work = mkdtempSync(path.join(os.tmpdir(), 'ferry-cut-'));
    writeFileSync(path.join(work, 'big.txt'), NEW['/srv/cut/big.txt']);
    const tasks = [
      { name: 'Small file', copy: { dest: '/srv/cut/a.conf', content: NEW['/srv/cut/a.conf'] } },
      { name: 'Big file', copy: { src: 'big.txt', dest: '/srv/cut/big.txt', mode: '0640' } },
      { name: 'Another small file', copy: { dest: '/srv/cut/c.conf', content: NEW['/srv/cut/c.conf'] } },
    ];
    writeFileSync(path.join(work, 'cut.yml'), JSON.stringify([{ name: 'Three writes', hosts: 'lab', tasks }]));
  });
  after(async () => {
    await Promise.all(proxies.map((p) => p.close()));
    await lab?.stop();
  });

  const run = (inventory: string, knownHosts: string, report: string, ...extra: string[]) =>
    runFerry(['run', path.join(work, 'cut.yml'), '-i', inventory, '--known-hosts', knownHosts, '--no-retry-file', '--report', path.join(work, report), ...extra]);
  const contents = (h: Lab['hosts'][number]): string[] => FILES.map((f) => readFileSync(h.pathOf(f), 'utf8'));

  it('leaves every file old or new, sweeps the temp files on the next run, and converges', async function () {
    // Without a cut, the run changes the host: the bytes it takes are what the cuts are spread over.
    const whole = await CuttingProxy.start(lab.hosts[0].address, lab.hosts[0]);
    proxies.push(whole);
    const baseline = proxiedInventory(lab, { host1: whole }, 'baseline');
    const first = await run(baseline.inventory, baseline.knownHosts, 'baseline.json', '--limit', 'host1');
    expect(first.code, first.stdout + first.stderr).to.equal(0);
    expect(readReport(path.join(work, 'baseline.json')).hosts.host1.changed).to.equal(3);
    const total = whole.bytes;
    expect(total).to.be.greaterThan(50000);

    const detours: Record<string, CuttingProxy> = {};
    const cutAt: Record<string, number> = {};
    for (const [i, h] of lab.hosts.slice(1).entries()) {
      cutAt[h.name] = Math.floor(total * CUTS[i]);
      detours[h.name] = await CuttingProxy.start(h.address, h, { cutAfter: cutAt[h.name] });
      proxies.push(detours[h.name]);
    }
    const cut = proxiedInventory(lab, detours, 'cut');
    // A link that resets every new connection is retried as a dropped handshake until the connect timeout: keep it short.
    const broken = await run(cut.inventory, cut.knownHosts, 'cut.json', '--limit', '!host1', '--timeout', '3');
    expect(broken.code, broken.stdout + broken.stderr).to.equal(4);
    const r = readReport(path.join(work, 'cut.json'));
    const newFiles: number[] = [];
    for (const h of lab.hosts.slice(1)) {
      expect(detours[h.name].cuts, `${h.name} was cut`).to.equal(1);
      expect(r.hosts[h.name].unreachable, `${h.name} cut at ${cutAt[h.name]} of ${total}`).to.equal(1);
      const now = contents(h);
      now.forEach((text, i) => expect([OLD[FILES[i]], NEW[FILES[i]]], `${h.name} ${FILES[i]} cut at ${cutAt[h.name]}`).to.include(text));
      newFiles.push(now.filter((text, i) => text === NEW[FILES[i]]).length);
    }
    // The cuts fell all over the run: before any write and after some.
    expect(Math.min(...newFiles)).to.equal(0);
    expect(Math.max(...newFiles)).to.be.greaterThan(0);

    const healed = await run(lab.inventoryFile, lab.knownHostsFile, 'healed.json', '--lock', 'wait', '--lock-timeout', '30');
    expect(healed.code, healed.stdout + healed.stderr).to.equal(0);
    for (const h of lab.hosts) {
      expect(contents(h), h.name).to.deep.equal(FILES.map((f) => NEW[f]));
      expect(ferryTempFiles(h.root), h.name).to.deep.equal([]);
    }
    const again = await run(lab.inventoryFile, lab.knownHostsFile, 'again.json');
    expect(again.code).to.equal(0);
    const ra = readReport(path.join(work, 'again.json'));
    for (const h of lab.hosts) expect(ra.hosts[h.name].changed, h.name).to.equal(0);
  });
});
