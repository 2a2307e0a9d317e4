import { expect } from 'chai';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnFerry } from '../support/faults/spawnFerry.js';
import { waitFor } from '../support/faults/waitFor.js';
import { DEFAULT_MOUNTS, startLab, type Lab } from '../support/lab/index.js';
import { mountNamespaceOf, pidsInNamespace, signal } from '../support/lab/processes.js';
import { readReport, runFerry } from '../support/runFerry.js';

const OLD = 'mode=old\n';
const NEW = 'mode=new\n';

// A shim `sync` earlier on the host's PATH stops a write right after its temp file is full and before the rename;
// only syncs of ferry temp files are held, everything else passes through.
const SYNC_SHIM = [
  '#!/bin/sh',
  'case "$*" in',
  '  */.ferry.*) touch /tmp/sync-reached; while :; do sleep 1; done ;;',
  'esac',
  'exec /bin/sync "$@"',
  '',
].join('\n');

// The host's session killed outright in the middle of a write (every process of it SIGKILLed, so no trap runs):
// the target is still old, the temp file is left, and the next run sweeps it and converges.
describe('faults: the session killed outright between write and rename', function () {
  this.timeout(90000);
  let lab: Lab;
  let work: string;
  before(async () => {
    lab = await startLab({ count: 1, mounts: [...DEFAULT_MOUNTS, '/usr/local/bin'], files: { '/srv/app/app.conf': OLD } });
    work = mkdtempSync(path.join(os.tmpdir(), 'ferry-kill-'));
    writeFileSync(path.join(work, 'write.yml'), JSON.stringify([{ name: 'Replace', hosts: 'lab', tasks: [{ name: 'Write', copy: { dest: '/srv/app/app.conf', content: NEW } }] }]));
  });
  after(async () => lab?.stop());

  const run = (report: string) => ['run', path.join(work, 'write.yml'), '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--no-retry-file', '--report', path.join(work, report)];
  const entries = (): string[] => readdirSync(lab.hosts[0].pathOf('/srv/app')).sort();

  it('leaves the old file and a temp file, which the next run sweeps before it converges', async function () {
    const host = lab.hosts[0];
    writeFileSync(host.pathOf('/usr/local/bin/sync'), SYNC_SHIM);
    chmodSync(host.pathOf('/usr/local/bin/sync'), 0o755);
    // A live writer's temp file next door must survive the sweep.
    const live = `.ferry.${process.pid}.LiVe00`;
    writeFileSync(host.pathOf(`/srv/app/${live}`), 'in use');

    const first = spawnFerry(run('killed.json'));
    await waitFor('the write to reach its sync', () => existsSync(host.pathOf('/tmp/sync-reached')), 30000);
    const temps = entries().filter((n) => /^\.ferry\.\d+\.\w{6}$/.test(n) && n !== live);
    expect(temps).to.have.length(1);
    expect(readFileSync(host.pathOf(`/srv/app/${temps[0]}`), 'utf8')).to.equal(NEW);
    // Every process of the host but its listener: the sessions, their shells, the write.
    const ns = mountNamespaceOf(host.sshdPid)!;
    for (const pid of pidsInNamespace(ns)) if (pid !== host.sshdPid) signal(pid, 'SIGKILL');
    const killed = await first.done;
    expect(killed.code, killed.stdout + killed.stderr).to.equal(4);
    expect(readReport(path.join(work, 'killed.json')).hosts.host1.unreachable).to.equal(1);
    // The harm is real: no trap ran, the temp file stayed, and the target was never replaced.
    expect(readFileSync(host.pathOf('/srv/app/app.conf'), 'utf8')).to.equal(OLD);
    expect(entries()).to.include(temps[0]);

    rmSync(host.pathOf('/usr/local/bin/sync'));
    const next = await runFerry(run('next.json'));
    expect(next.code, next.stdout + next.stderr).to.equal(0);
    expect(readReport(path.join(work, 'next.json')).hosts.host1.changed).to.equal(1);
    expect(readFileSync(host.pathOf('/srv/app/app.conf'), 'utf8')).to.equal(NEW);
    expect(entries()).to.deep.equal([live, 'app.conf'].sort());

    const again = await runFerry(run('again.json'));
    expect(again.code).to.equal(0);
    expect(readReport(path.join(work, 'again.json')).hosts.host1.changed).to.equal(0);
  });
});
