import { execFile } from 'node:child_process';
import type { Lab, LabHost } from './types.js';

/** Outcome of one command run by the system `ssh` client. */
export interface SystemSshResult {
  rc: number;
  stdout: string;
  stderr: string;
}

// The reference client: specs compare ferry with what plain OpenSSH does against the same lab host.
export function systemSsh(lab: Lab, host: LabHost, user: string, command: string, stdin?: string): Promise<SystemSshResult> {
  const args = [
    '-F', '/dev/null',
    '-o', `UserKnownHostsFile=${lab.knownHostsFile}`,
    '-o', 'StrictHostKeyChecking=yes',
    '-o', 'BatchMode=yes',
    '-o', 'IdentitiesOnly=yes',
    '-o', 'ConnectTimeout=10',
    '-i', lab.keyFile,
    '-p', String(host.port),
    `${user}@${host.address}`,
    command,
  ];
  return new Promise((resolve) => {
    const child = execFile('ssh', args, { encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : err ? 255 : 0;
      resolve({ rc: code, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}
