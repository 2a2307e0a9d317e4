import { spawn } from 'node:child_process';
import { userInfo } from 'node:os';
import { frameScript } from './framing.js';
import { TIMEOUT_RC } from './runChannel.js';
import type { ExecRequest, ExecResult, RemoteHost, WriteRequest } from './types.js';
import { writeFileByExec } from './writeFileByExec.js';

// The controller as a host, for `delegate_to: localhost`: the same framing as over SSH, so data stays out of argv here too.
export class LocalHost implements RemoteHost {
  readonly name = 'localhost';
  readonly user = userInfo().username;

  exec(req: ExecRequest): Promise<ExecResult> {
    const sudo = req.become === true && this.user !== 'root';
    const [cmd, ...args] = sudo ? ['sudo', '-n', '/bin/sh', '-s'] : ['/bin/sh', '-s'];
    return new Promise((resolve, reject) => {
      const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timedOut = false;
      const timer = req.timeoutMs === undefined ? undefined : setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, req.timeoutMs);
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('error', reject);
      child.on('close', (code) => {
        if (timer) clearTimeout(timer);
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        resolve({ rc: timedOut ? TIMEOUT_RC : (code ?? 1), stdout, stderr });
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(frameScript(req.script, req.stdin));
    });
  }

  writeFile(req: WriteRequest): Promise<void> {
    return writeFileByExec(this, req);
  }
}
