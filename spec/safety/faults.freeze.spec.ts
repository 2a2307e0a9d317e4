import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnFerry } from '../support/faults/spawnFerry.js';
import { waitFor } from '../support/faults/waitFor.js';
import { startLab, systemSsh, type Lab } from '../support/lab/index.js';
import { readReport } from '../support/runFerry.js';

// A host that stops answering in the middle of a run (its sshd and everything under it SIGSTOPped): the run gives up
// on it after the task timeout, reports it unreachable, finishes the other hosts, and ends.
describe('faults: a host that stops answering mid-run', function () {
  this.timeout(90000);
  let lab: Lab;
  let thaw: (() => void) | undefined;
  before(async () => {
    lab = await startLab({ count: 3 });
  });
  after(async () => {
    thaw?.();
    await lab?.stop();
  });

  it('is given up after its deadline and marked UNREACHABLE; the others finish and the run ends', async function () {
    const work = mkdtempSync(path.join(os.tmpdir(), 'ferry-freeze-'));
    const report = path.join(work, 'report.json');
    const run = spawnFerry([
      'run', 'spec/safety/playbooks/freeze.yml', '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile,
      '--no-retry-file', '--task-timeout', '8', '--report', report,
    ]);
    await waitFor('every host at the first task', () => lab.hosts.every((h) => existsSync(h.pathOf('/tmp/reached'))), 30000);
    thaw = lab.freezeHost('host2');
    const frozenAt = Date.now();
    for (const h of lab.hosts) writeFileSync(h.pathOf('/tmp/go'), '');
    // The fault is real: the host no longer answers even a fresh SSH login (ssh gives up after its 10 s).
    const [probe, done] = await Promise.all([systemSsh(lab, lab.hosts[1], 'root', 'true'), run.done]);
    expect(probe.rc).to.equal(255);
    const tookMs = Date.now() - frozenAt;
    expect(done.code, done.stdout + done.stderr).to.equal(4);
    // Deadline (8 s) plus the host's grace to end the command (4 s): bounded, whatever the frozen host does.
    expect(tookMs).to.be.lessThan(40000);
    const r = readReport(report);
    expect(r.hosts.host2.unreachable).to.equal(1);
    expect(r.hosts.host2.unreachableReason).to.match(/host2 stopped answering: nothing came back within the 8s deadline/);
    for (const name of ['host1', 'host3']) {
      expect(r.hosts[name].unreachable, name).to.equal(0);
      expect(r.hosts[name].failed, name).to.equal(0);
      expect(readFileSync(lab.hosts.find((h) => h.name === name)!.pathOf('/srv/after-go.conf'), 'utf8')).to.equal(`written on ${name}\n`);
    }
    expect(existsSync(lab.hosts[1].pathOf('/srv/after-go.conf'))).to.equal(false);
    expect(done.stdout).to.match(/fatal: \[host2\]: UNREACHABLE!/);
  });
});
