import { spawn } from 'node:child_process';
import type { ExecResult } from '../../lib/transport/types.js';

// Runs a generated script with this machine's /bin/sh, the script as one argument and data on stdin, as a host would
// (as another user through runuser when asked, like a login that is not root).
export function localSh(script: string, stdin?: string, asUser?: string): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    // A process group of its own, as on a host: a framed script's watchdog (kill -KILL 0) must never reach the test run.
    const [cmd, args] = asUser ? ['runuser', ['-u', asUser, '--', '/bin/sh', '-c', script]] : ['/bin/sh', ['-c', script]];
    const child = spawn(cmd as string, args as string[], { detached: true, stdio: ['pipe', 'pipe', 'pipe'], cwd: '/' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (rc) => resolve({ rc: rc ?? -1, stdout, stderr }));
    // A script that exits before reading its stdin closes the pipe: that is not an error of the spec.
    child.stdin.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') reject(err);
    });
    child.stdin.end(stdin);
  });
}
