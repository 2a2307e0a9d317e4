import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLab, systemSsh, type Lab } from '../support/lab/index.js';
import { readReport, runFerry } from '../support/runFerry.js';

const OLD = 'setting=old\n';
const NEW = `setting=new\n${'# padding\n'.repeat(2000)}`;

// A full disk (a small tmpfs filled up) and a read-only mount under the file a task replaces: each host says so in
// one clear line, and the original file stays exactly as it was.
describe('faults: a full disk and a read-only target', function () {
  this.timeout(90000);
  let lab: Lab;
  let work: string;
  before(async () => {
    lab = await startLab({ count: 2, tmpfs: { '/srv/full': '64k' }, readOnly: ['/opt/ro'], files: { '/opt/ro/app.conf': OLD } });
    work = mkdtempSync(path.join(os.tmpdir(), 'ferry-disk-'));
    for (const h of lab.hosts) {
      writeFileSync(h.inside('/srv/full/app.conf'), OLD);
      writeFileSync(h.inside('/srv/full/victim.conf'), OLD);
    }
    // host1's disk is full: its filler takes every block left.
    try {
      writeFileSync(lab.hosts[0].inside('/srv/full/filler'), Buffer.alloc(1 << 20));
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).to.equal('ENOSPC');
    }
  });
  after(async () => lab?.stop());

  const playbook = (dest: string): string => {
    const file = path.join(work, `write-${path.basename(path.dirname(dest))}.yml`);
    writeFileSync(file, JSON.stringify([{ name: 'Replace a file', hosts: 'lab', tasks: [{ name: 'Write', copy: { dest, content: NEW } }] }]));
    return file;
  };

  it('is real: a plain in-place write on the full disk destroys the file it meant to replace', async function () {
    const r = await systemSsh(lab, lab.hosts[0], 'root', 'cat > /srv/full/victim.conf', NEW);
    expect(r.stderr).to.match(/No space left on device/);
    const left = readFileSync(lab.hosts[0].inside('/srv/full/victim.conf'), 'utf8');
    expect(left).to.not.equal(OLD);
    expect(left).to.not.equal(NEW);
  });

  it('full disk: a clear error for that host only, the original intact, no temp file left', async function () {
    const report = path.join(work, 'full.json');
    const res = await runFerry(['run', playbook('/srv/full/app.conf'), '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--no-retry-file', '--report', report]);
    expect(res.code, res.stdout + res.stderr).to.equal(2);
    const r = readReport(report);
    const task = r.hosts.host1.tasks[0];
    expect(task.status).to.equal('failed');
    expect(task.msg).to.match(/cannot write the content for \/srv\/full\/app\.conf: .*No space left on device/);
    expect(task.msg).to.include('the filesystem holding /srv/full/app.conf is full: free space there');
    expect(readFileSync(lab.hosts[0].inside('/srv/full/app.conf'), 'utf8')).to.equal(OLD);
    expect(readdirSync(lab.hosts[0].inside('/srv/full')).filter((n) => n.startsWith('.ferry.'))).to.deep.equal([]);
    // The other host had room: it got the new file.
    expect(r.hosts.host2.changed).to.equal(1);
    expect(readFileSync(lab.hosts[1].inside('/srv/full/app.conf'), 'utf8')).to.equal(NEW);
    expect(res.stdout).to.not.match(/\n\s+at .*\(/);
  });

  it('read-only target: a clear error per host, the original intact', async function () {
    const report = path.join(work, 'ro.json');
    const res = await runFerry(['run', playbook('/opt/ro/app.conf'), '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--no-retry-file', '--report', report]);
    expect(res.code, res.stdout + res.stderr).to.equal(2);
    const r = readReport(report);
    for (const h of lab.hosts) {
      const task = r.hosts[h.name].tasks[0];
      expect(task.status, h.name).to.equal('failed');
      expect(task.msg).to.match(/cannot create a temp file for \/opt\/ro\/app\.conf: .*Read-only file system/);
      expect(task.msg).to.include('/opt/ro/app.conf is on a read-only filesystem');
      expect(readFileSync(h.inside('/opt/ro/app.conf'), 'utf8')).to.equal(OLD);
    }
  });
});
