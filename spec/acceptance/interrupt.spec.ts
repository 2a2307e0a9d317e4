import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startLab, type Lab } from '../support/lab/index.js';
import { REPO } from '../support/runFerry.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

describe('an interrupted run', function () {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ count: 2 });
  });
  after(async () => lab.stop());

  it('closes its connections on Ctrl-C and exits 99 without a stack trace', async () => {
    const child = spawn(process.execPath, [CLI, 'run', 'spec/fixtures/playbooks/slow.yml', '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let sent = false;
    const started = Date.now();
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Interrupt once the slow task is under way on the hosts.
      if (!sent && out.includes('TASK [Wait a while]')) sent = child.kill('SIGINT');
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, out).to.equal(99);
    expect(Date.now() - started).to.be.below(20_000);
    expect(out).to.include('interrupted');
    expect(out).not.to.match(/\n\s+at .*:\d+/);
  });
});
