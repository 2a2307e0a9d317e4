import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLab, type Lab } from '../support/lab/index.js';
import { runFerry } from '../support/runFerry.js';

describe('no_log: a secret never leaves the task', function () {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ count: 3 });
  });
  after(async () => lab.stop());

  it('is absent from console, report, diff and every argv on every host', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ferry-nolog-'));
    const traces = await Promise.all(lab.hosts.map((h) => lab.traceExecve(h.name)));
    const res = await runFerry([
      'run', 'spec/fixtures/playbooks/no-log.yml', '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile,
      '--diff', '-vvv', '--report', join(work, 'report.json'),
    ]);
    const texts = await Promise.all(traces.map((t) => t.stop()));
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    const report = readFileSync(join(work, 'report.json'), 'utf8');
    for (const [i, h] of lab.hosts.entries()) {
      const secret = `s3cr3t-${h.name}-Zq81x`;
      expect(readFileSync(h.pathOf('/etc/ferry-app/api.key'), 'utf8')).to.equal(`${secret}\n`);
      expect(res.stdout, 'console').not.to.include(secret);
      expect(res.stderr, 'stderr').not.to.include(secret);
      expect(report, 'report').not.to.include(secret);
      // The trace really saw the run's processes, and none carried the secret.
      expect(texts[i]).to.match(/execve\(/);
      expect(texts[i]).to.include('sha256sum');
      expect(texts[i], `argv on ${h.name}`).not.to.include(secret);
    }
  });
});
