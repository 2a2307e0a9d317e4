// The long-lived demo behind `npm run demo:up`: the lab hosts with the seed's operator-host layout and a Gitea double,
// kept until SIGTERM (`npm run demo:down`) or SIGINT. Its one line on stdout says when it is ready; logs go elsewhere.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { DEFAULT_ADMIN, startGiteaDouble, type GiteaDouble } from '../gitea/index.js';
import { startLab, type Lab } from '../lab/index.js';
import { plantSeedLayout } from '../seedLayout.js';
import { demoPath } from './demoPaths.js';

const HOSTS = ['operator-1', 'operator-2', 'operator-3'];

async function serve(): Promise<void> {
  let lab: Lab | undefined;
  let gitea: GiteaDouble | undefined;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await lab?.stop();
    await gitea?.stop();
    rmSync(demoPath('dir'), { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  try {
    gitea = await startGiteaDouble({ orgs: [{ name: 'molecule-ai', teams: ['ops'] }] });
    gitea.seedUser({ login: 'hongming', password: 'founder-password-9' });
    // The founder-delegated token the hosts use today: still valid, which is why the rotation must prove the new one first.
    const oldToken = gitea.seedToken('hongming', 'ceo-delegated', ['all']);
    lab = await startLab({ names: HOSTS });
    const gid = Number(execFileSync('id', ['-g', 'ferryops'], { encoding: 'utf8' }).trim());
    plantSeedLayout(lab, gitea.url, oldToken, ['plain', 'crlf-export-duplicate', 'symlink-0640'], gid);
    mkdirSync(demoPath('dir'), { recursive: true });
    copyFileSync(lab.writeInventory({ groups: { operator_hosts: HOSTS } }), demoPath('inventory'));
    copyFileSync(lab.knownHostsFile, demoPath('knownHosts'));
    writeFileSync(demoPath('vars'), `# The demo Gitea: pass with -e @.ferry/demo/vars.yml\ngitea_url: ${gitea.url}\n`);
    const env = [
      "# The demo Gitea's site admin, for gitea_user and token_file (read from the controller's environment)",
      `export GITEA_ADMIN_USER=${DEFAULT_ADMIN.user}`,
      `export GITEA_ADMIN_PASSWORD=${DEFAULT_ADMIN.password}`,
      '',
    ];
    writeFileSync(demoPath('env'), env.join('\n'), { mode: 0o600 });
    writeFileSync(demoPath('pid'), `${process.pid}\n`);
    process.stdout.write('ready\n');
  } catch (err) {
    process.stdout.write(`failed: ${(err as Error).message}\n`);
    await stop(1);
  }
}

void serve();
