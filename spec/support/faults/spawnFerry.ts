import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FerryRun } from '../runFerry.js';
import { REPO } from '../runFerry.js';
import { waitFor } from './waitFor.js';

const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

/** A ferry run still going: its output so far, a wait on a line of it, and its end. */
export interface RunningFerry {
  child: ChildProcess;
  output(): string;
  /** Resolves once stdout or stderr matched. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  done: Promise<FerryRun>;
}

// Starts the built CLI without waiting for it, for specs that act while a run is under way (a second run, a kill).
export function spawnFerry(args: string[]): RunningFerry {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<FerryRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr }));
  });
  return {
    child,
    output: () => stdout + stderr,
    waitForOutput: (pattern, timeoutMs) => waitFor(`ferry output ${pattern}`, () => pattern.test(stdout + stderr) || child.exitCode !== null, timeoutMs),
    done,
  };
}
