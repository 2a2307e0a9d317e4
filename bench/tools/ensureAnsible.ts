import { spawnSync } from 'node:child_process';

/** Whether a command is on PATH. */
function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// Ansible is the yardstick, from Debian's own packages: installed on first use, its version returned for the table.
export function ensureAnsible(log: (line: string) => void): string {
  if (!onPath('ansible-playbook')) {
    log('bench: ansible-playbook is missing; installing ansible-core from the Debian packages');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'ansible-core'], { stdio: 'inherit', env }) : update;
    if (install.status !== 0 || !onPath('ansible-playbook')) throw new Error('could not install ansible-core (apt-get install -y ansible-core)');
  }
  const version = spawnSync('ansible-playbook', ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /core ([\d.]+)/.exec(version)?.[1] ?? version.split('\n')[0];
}
