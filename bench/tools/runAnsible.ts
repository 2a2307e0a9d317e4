import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFleet, Fixture } from '../fleet/BenchFleet.js';
import { tailOf, timedProcess } from './timedProcess.js';

const DIR = fileURLToPath(new URL('../ansible/', import.meta.url));

/** One Ansible session: a first and a second run sharing their ControlPersist masters, as they would in real use. */
export interface AnsibleSession {
  run(kind: 'first' | 'second'): Promise<{ ms: number }>;
  /** Ends the ControlPersist masters this session left behind and removes its directories. */
  close(): Promise<void>;
}

// Starts from cold (its own control-socket directory, no masters yet), so a repetition never inherits the previous
// one's connections; the second run reuses the first one's, which is what ControlPersist is for.
export function ansibleSession(fleet: BenchFleet, fixture: Fixture): AnsibleSession {
  const home = mkdtempSync(path.join(tmpdir(), 'ferry-bench-ansible-'));
  const controlDir = path.join(home, 'cp');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...fixture.adminEnv,
    ANSIBLE_CONFIG: path.join(DIR, 'ansible.cfg'),
    ANSIBLE_HOME: home,
    ANSIBLE_LOCAL_TEMP: path.join(home, 'tmp'),
    ANSIBLE_SSH_CONTROL_PATH_DIR: controlDir,
    ANSIBLE_SSH_COMMON_ARGS: `-o UserKnownHostsFile=${fleet.lab.knownHostsFile} -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes`,
    ANSIBLE_NOCOLOR: '1',
  };
  const forks = String(fleet.lab.hosts.length);
  return {
    run: async (kind) => {
      const args = ['-i', fleet.inventory, '-f', forks, '-e', `gitea_url=${fixture.gitea.url}`, path.join(DIR, 'rotate-ops-persona.yml')];
      const run = await timedProcess({ command: 'ansible-playbook', args, env });
      if (run.code !== 0) throw new Error(`ansible-playbook ${kind} run exited ${run.code}:\n${tailOf(run)}`);
      checkRecap(run.stdout, kind, fleet.lab.hosts.length);
      return { ms: run.ms };
    },
    close: async () => {
      const sockets = (() => {
        try {
          return readdirSync(controlDir);
        } catch {
          return [];
        }
      })();
      await Promise.all(sockets.map((s) => timedProcess({ command: 'ssh', args: ['-o', `ControlPath=${path.join(controlDir, s)}`, '-O', 'exit', 'bench'] })));
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Every host's PLAY RECAP line: a first run changes each host, a second run none, neither fails. */
function checkRecap(stdout: string, kind: 'first' | 'second', hosts: number): void {
  const recaps = [...stdout.matchAll(/^(\S+)\s+: ok=\d+\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)/gm)].filter((m) => m[1] !== 'localhost');
  if (recaps.length !== hosts) throw new Error(`ansible ${kind} run: ${recaps.length} recap lines for ${hosts} hosts`);
  for (const [, host, changed, unreachable, failed] of recaps) {
    const wrong = unreachable !== '0' || failed !== '0' || (kind === 'second' ? changed !== '0' : changed === '0');
    if (wrong) throw new Error(`ansible ${kind} run on ${host}: changed=${changed} unreachable=${unreachable} failed=${failed}`);
  }
}
