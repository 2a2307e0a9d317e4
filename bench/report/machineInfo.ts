import { spawnSync } from 'node:child_process';
import os from 'node:os';
import type { MachineInfo } from './BenchResults.js';

// Numbers mean little without the machine they came from: CPU, cores, memory, OS and the versions of every tool timed.
export function machineInfo(ansible?: string): MachineInfo {
  const osRelease = spawnSync('sh', ['-c', '. /etc/os-release && printf %s "$PRETTY_NAME"'], { encoding: 'utf8' }).stdout || os.type();
  const ssh = spawnSync('ssh', ['-V'], { encoding: 'utf8' });
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${osRelease}, Linux ${os.release()}`,
    node: process.version,
    openssh: (ssh.stderr || ssh.stdout).trim().split(',')[0],
    ...(ansible ? { ansible: `ansible-core ${ansible}` } : {}),
  };
}
