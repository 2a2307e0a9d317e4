// `npm run demo:down`: stops the demo hosts `npm run demo:up` started and removes .ferry/demo/.
import { rmSync } from 'node:fs';
import { demoPath } from './demoPaths.js';
import { runningDemoPid } from './runningDemoPid.js';

/** Whether a process still exists (a zombie of ours does not count: it has exited). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function down(): Promise<number> {
  const pid = runningDemoPid();
  if (pid === undefined) {
    rmSync(demoPath('dir'), { recursive: true, force: true });
    process.stdout.write('ferry demo: not running\n');
    return 0;
  }
  process.kill(pid, 'SIGTERM');
  // The demo stops its hosts and Gitea, then exits; wait for that (bounded), then make sure.
  const deadline = Date.now() + 20_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(demoPath('dir'), { recursive: true, force: true });
  process.stdout.write('ferry demo: stopped\n');
  return 0;
}

down().then((code) => process.exit(code));
