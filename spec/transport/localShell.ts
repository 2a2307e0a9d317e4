import { spawn } from 'node:child_process';
import type { ExecResult } from '../../lib/transport/types.js';

// Runs a framed input through the local /bin/sh -s exactly as a host would, to test scripts without a connection.
export function localShell(input: string): Promise<ExecResult & { stdoutBytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-s'], { stdio: ['pipe', 'pipe', 'pipe'] });
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
