import { spawn } from 'node:child_process';
import type { ExecResult } from '../../lib/transport/types.js';

// Runs a framed input through the local /bin/sh -s exactly as a host would, to test scripts without a connection.
export function localShell(input: string): Promise<ExecResult & { stdoutBytes: Buffer }> {
  return new Promise((resolve, reject) => {
    // A process group of its own, as on a host: a framed script's watchdog (kill -KILL 0) must never reach the test run.
    const child = spawn('/bin/sh', ['-s'], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.once('error', reject);
    child.once('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ rc: code ?? -1, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes });
    });
    child.stdin.end(input);
  });
}
