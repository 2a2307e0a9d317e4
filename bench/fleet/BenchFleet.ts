import { execFileSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_ADMIN, startGiteaDouble, type GiteaDouble } from '../../spec/support/gitea/index.js';
import { DEFAULT_MOUNTS, startLab, type Lab } from '../../spec/support/lab/index.js';
import { plantSeedLayout, type EnvStyle } from '../../spec/support/seedLayout.js';

/** The three env-file shapes of the seed's operator hosts, dealt round-robin over the fleet. */
const STYLES: EnvStyle[] = ['plain', 'crlf-export-duplicate', 'symlink-0640'];

/** The inventory group the rotation playbook targets. */
export const GROUP = 'operator_hosts';

/** One rotation's starting point: the seed's layout on every host and a Gitea whose old token is revoked. */
export interface Fixture {
  gitea: GiteaDouble;
  /** Controller environment that holds the Gitea admin credentials (never in any argv). */
  adminEnv: Record<string, string>;
  admin: { user: string; password: string };
  stop(): Promise<void>;
}

/** N lab hosts that stay up for every repetition; each repetition gets fresh trees and a fresh Gitea. */
export interface BenchFleet {
  lab: Lab;
  /** Ansible-style YAML inventory with every host in GROUP. */
  inventory: string;
  fresh(): Promise<Fixture>;
  stop(): Promise<void>;
}

// Starts one real sshd per inventory host (each in its own mount namespace, so no two hosts share a file): the
// playbook's fixed paths never collide, and sshd does per host the work a real fleet's sshd would.
export async function startFleet(count: number, log: (line: string) => void = () => undefined): Promise<BenchFleet> {
  const lab = await startLabRetrying(count, log);
  const inventory = lab.writeInventory({ groups: { [GROUP]: lab.hosts.map((h) => h.name) } });
  const gid = Number(execFileSync('id', ['-g', 'ferryops'], { encoding: 'utf8' }).trim());
  return {
    lab,
    inventory,
    fresh: async () => {
      await Promise.all(lab.hosts.map((h) => wipeTrees(h.root)));
      const gitea = await startGiteaDouble({ orgs: [{ name: 'molecule-ai', teams: ['ops'] }] });
      gitea.seedUser({ login: 'hongming', password: 'founder-password-9' });
      const oldToken = gitea.seedToken('hongming', 'ceo-delegated', ['all']);
      gitea.revokeToken(oldToken);
      plantSeedLayout(lab, gitea.url, oldToken, STYLES, gid);
      return {
        gitea,
        admin: DEFAULT_ADMIN,
        adminEnv: { GITEA_ADMIN_USER: DEFAULT_ADMIN.user, GITEA_ADMIN_PASSWORD: DEFAULT_ADMIN.password },
        stop: () => gitea.stop(),
      };
    },
    stop: () => lab.stop(),
  };
}

/** Hundreds of sshd processes starting at once on a busy machine: one may miss its start deadline, so try again. */
async function startLabRetrying(count: number, log: (line: string) => void): Promise<Lab> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startLab({ count });
    } catch (err) {
      if (attempt >= LAB_ATTEMPTS) throw err;
      log(`bench: ${count} lab hosts did not all start (${(err as Error).message.split('\n')[0]}); trying again`);
    }
  }
}

const LAB_ATTEMPTS = 3;

/** Empties every private tree of a host (the mount points themselves stay, with their owner and mode). */
async function wipeTrees(root: string): Promise<void> {
  for (const mount of DEFAULT_MOUNTS) {
    const dir = path.join(root, mount);
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.map((n) => rm(path.join(dir, n), { recursive: true, force: true })));
  }
}
