import { chmodSync, chownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Lab, LabHost } from './lab/index.js';

/** The five cron.d files of the seed whose jobs read GITEA_TOKEN from the shared env file. */
export const CONSUMER_CRONS = [
  'molecule-deploy-poll',
  'molecule-gitea-actions-auto-heal',
  'molecule-persona-rotate',
  'molecule-r2-gitea-backup',
  'sop6-drift-check',
];

export const ENV_FILE = '/etc/molecule-bootstrap/all-credentials.env';

/** How one host's env file is written: the seed's operator hosts were not all alike. */
export type EnvStyle = 'plain' | 'crlf-export-duplicate' | 'symlink-0640';

/** The env file's bytes before the rotation, with the old token in it. */
export function envFileText(style: EnvStyle, giteaUrl: string, oldToken: string): string {
  switch (style) {
    case 'plain':
      return `# operator host credentials\nGITEA_URL=${giteaUrl}\n# claude-ceo-assistant — admin token for ops automation\nGITEA_TOKEN=${oldToken}\nRAILWAY_TOKEN=rw-unrelated-0001\n`;
    case 'crlf-export-duplicate':
      return `# operator host credentials\r\nexport GITEA_URL=${giteaUrl}\r\nexport GITEA_TOKEN="${oldToken}"\r\n\r\nAUTO_SYNC_TOKEN='as-unrelated-0002'\r\nGITEA_TOKEN=${oldToken}\r\nVERCEL_TOKEN=vc-unrelated-0003`;
    case 'symlink-0640':
      return `GITEA_URL=${giteaUrl}\n  GITEA_TOKEN='${oldToken}'   \nSOP_TIER_CHECK_TOKEN=sop-unrelated-0004\n`;
  }
}

/** A consumer script as the seed's crons run them: source the env file, call Gitea, fail loudly on anything but 200. */
function consumerScript(name: string): string {
  return [
    '#!/bin/sh',
    `# ${name}: reads GITEA_TOKEN from the shared env file`,
    // Like most real consumers, it tolerates a CRLF env file.
    `eval "$(tr -d '\\r' < ${ENV_FILE})"`,
    `code=$(printf 'Authorization: token %s\\n' "$GITEA_TOKEN" | curl -s -o /dev/null -w '%{http_code}' -H @- "$GITEA_URL/api/v1/user")`,
    `if [ "$code" != 200 ]; then echo "${name}: gitea answered HTTP $code" >&2; exit 1; fi`,
    `echo "${name}: ok"`,
    '',
  ].join('\n');
}

function cronFile(name: string): string {
  return `# ${name}\nSHELL=/bin/sh\nPATH=/usr/local/bin:/usr/bin:/bin\n*/5 * * * * root /opt/operator-config/ops/${name}.sh >> /var/log/${name}.log 2>&1\n`;
}

function put(host: LabHost, remote: string, text: string, mode: number): void {
  const local = host.pathOf(remote);
  mkdirSync(dirname(local), { recursive: true });
  writeFileSync(local, text);
  chmodSync(local, mode);
}

// Lays the seed's operator-host layout on every lab host: env file (one style per host), consumer scripts, cron.d files.
export function plantSeedLayout(lab: Lab, giteaUrl: string, oldToken: string, styles: EnvStyle[], ferryopsGid: number): void {
  lab.hosts.forEach((host, i) => {
    const style = styles[i % styles.length];
    for (const name of CONSUMER_CRONS) {
      put(host, `/opt/operator-config/ops/${name}.sh`, consumerScript(name), 0o755);
      put(host, `/etc/cron.d/${name}`, cronFile(name), 0o644);
    }
    const text = envFileText(style, giteaUrl, oldToken);
    if (style === 'symlink-0640') {
      const real = '/etc/molecule-bootstrap/secrets/credentials.env';
      put(host, real, text, 0o640);
      chownSync(host.pathOf(real), 0, ferryopsGid);
      symlinkSync(real, host.pathOf(ENV_FILE));
    } else {
      put(host, ENV_FILE, text, 0o600);
    }
  });
}
