// `npm run demo`: start local sshd hosts, run a real playbook on them twice with the built CLI, tear everything down.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startLab } from './lab/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lab = await startLab({ count: 3 });
let code = 1;
try {
  const ferry = (...extra: string[]) =>
    spawnSync(process.execPath, ['dist/cli.js', 'run', 'playbooks/demo.yml', '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, ...extra], {
      cwd: root,
      stdio: 'inherit',
    }).status ?? 1;
  console.log('\n# 1. dry run: ferry run playbooks/demo.yml --check --diff');
  code = ferry('--check', '--diff');
  if (code === 0) {
    console.log('\n# 2. real run');
    code = ferry('--diff');
  }
  if (code === 0) {
    console.log('\n# 3. again: nothing left to change');
    code = ferry();
  }
} finally {
  await lab.stop();
}
process.exit(code);
