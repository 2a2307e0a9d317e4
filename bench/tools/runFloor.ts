import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shellQuote } from '../../lib/transport/shellQuote.js';
import type { BenchFleet, Fixture } from '../fleet/BenchFleet.js';
import { TOKEN_SCOPES, PERSONA, ensurePersona } from './persona.js';
import { tailOf, timedProcess } from './timedProcess.js';

const SCRIPT = readFileSync(fileURLToPath(new URL('../floor/rotate.sh', import.meta.url)), 'utf8');

// The floor: the persona made once from the controller, then one plain `ssh` per host, all at once, each running the
// whole rotation as one script. Timed from the first request to the last ssh's exit.
export async function runFloor(fleet: BenchFleet, fixture: Fixture): Promise<{ ms: number }> {
  const started = process.hrtime.bigint();
  await ensurePersona(fixture);
  const runs = await Promise.all(
    fleet.lab.hosts.map((h) => {
      const prelude = Object.entries({
        GITEA_URL: fixture.gitea.url,
        PERSONA,
        HOST: h.name,
        SCOPES_JSON: JSON.stringify(TOKEN_SCOPES),
        ADMIN_USER: fixture.admin.user,
        ADMIN_PASSWORD: fixture.admin.password,
      }).map(([k, v]) => `${k}=${shellQuote(v)}\n`);
      return timedProcess({ command: 'ssh', args: [...sshOptions(fleet), '-p', String(h.port), `root@${h.address}`, 'sh -s'], stdin: prelude.join('') + SCRIPT });
    }),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const failed = runs.findIndex((r) => r.code !== 0);
  if (failed >= 0) throw new Error(`floor script failed on ${fleet.lab.hosts[failed].name}:\n${tailOf(runs[failed])}`);
  return { ms };
}

/** Plain OpenSSH as the floor uses it: strict host keys from the lab's known_hosts, the lab key, no multiplexing. */
export function sshOptions(fleet: BenchFleet): string[] {
  return [
    '-F', '/dev/null',
    '-o', `UserKnownHostsFile=${fleet.lab.knownHostsFile}`,
    '-o', 'StrictHostKeyChecking=yes',
    '-o', 'BatchMode=yes',
    '-o', 'IdentitiesOnly=yes',
    '-o', 'ControlMaster=no',
    '-i', fleet.lab.keyFile,
  ];
}
