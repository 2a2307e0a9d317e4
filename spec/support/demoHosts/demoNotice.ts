import { readFileSync } from 'node:fs';
import { DEMO_FILES, demoPath } from './demoPaths.js';

// What `npm run demo:up` prints once the hosts are up: where everything is and the commands of the tutorial.
export function demoNotice(): string {
  const gitea = /gitea_url:\s*(\S+)/.exec(readFileSync(demoPath('vars'), 'utf8'))?.[1] ?? '';
  const env = readFileSync(demoPath('env'), 'utf8').trim();
  const common = `-i ${DEMO_FILES.inventory} -e @${DEMO_FILES.vars} --known-hosts ${DEMO_FILES.knownHosts}`;
  return [
    'ferry demo: three operator hosts (OpenSSH on loopback) and a Gitea are up until `npm run demo:down`.',
    '',
    `  inventory     ${DEMO_FILES.inventory}   (group operator_hosts: operator-1, operator-2, operator-3)`,
    `  known_hosts   ${DEMO_FILES.knownHosts}`,
    `  Gitea         ${gitea}   (-e gitea_url=${gitea}, also in ${DEMO_FILES.vars})`,
    '',
    `  source ${DEMO_FILES.env}     # sets:`,
    ...env.split('\n').filter((l) => l.startsWith('export')).map((l) => `    ${l}`),
    '',
    `  npx ferry run playbooks/rotate-ops-persona.yml ${common} --check --diff`,
    '',
  ].join('\n');
}
