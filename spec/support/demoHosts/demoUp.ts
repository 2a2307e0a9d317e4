// `npm run demo:up`: starts the demo hosts in the background (or finds them running) and prints how to use them.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { demoNotice } from './demoNotice.js';
import { demoPath, REPO_ROOT } from './demoPaths.js';
import { runningDemoPid } from './runningDemoPid.js';

async function up(): Promise<number> {
  if (runningDemoPid() !== undefined) {
    process.stdout.write(`${demoNotice()}\n(already running)\n`);
    return 0;
  }
  mkdirSync(demoPath('dir'), { recursive: true });
  const log = openSync(demoPath('log'), 'a');
  const tsx = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
  const child = spawn(tsx, [new URL('./serveDemo.ts', import.meta.url).pathname], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', log],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('the demo process has no stdout');
  const first = await new Promise<string>((resolve) => {
    const rl = createInterface({ input: stdout });
    rl.once('line', (line) => {
      rl.close();
      resolve(line);
    });
    child.once('exit', (code) => resolve(`failed: exited with ${code}; see ${demoPath('log')}`));
  });
  stdout.destroy();
  child.unref();
  if (first !== 'ready') {
    const tail = existsSync(demoPath('log')) ? readFileSync(demoPath('log'), 'utf8').split('\n').slice(-15).join('\n') : '';
    process.stderr.write(`ferry demo: the demo hosts did not start: ${first.replace(/^failed: /, '')}\n${tail}\n`);
    return 1;
  }
  process.stdout.write(demoNotice());
  return 0;
}

up().then((code) => process.exit(code));
