import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { REPO } from '../support/runFerry.js';

describe('npm run demo', function () {
  it('runs the demo playbook on its own local hosts, prints a recap and exits 0', async () => {
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'demo'], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c ?? -1, out }));
    });
    expect(code, out).to.equal(0);
    expect(out).to.match(/PLAY RECAP/);
    // The third run changes nothing on any of the three hosts.
    const recaps = out.split('PLAY RECAP');
    expect(recaps.at(-1)).to.match(/host1\s+: ok=\d+\s+changed=0/);
    expect(recaps.at(-1)).to.match(/host3\s+: ok=\d+\s+changed=0/);
    expect(out).not.to.match(/internal error/);
  });
});
