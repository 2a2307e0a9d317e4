import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REPO, runFerry, type FerryRun } from '../../support/runFerry.js';

/** The built CLI: what users run. */
export const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

/** How to run it beyond the arguments. */
export interface FerryProcessOptions {
  /** Fed to stdin, then stdin is closed (default: closed at once). */
  input?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

// Runs the built CLI with stdin piped (for --step answers), as a shell pipeline would.
export function ferryWithInput(args: string[], opts: FerryProcessOptions = {}): Promise<FerryRun> {
  return runFerry(args, { ...opts, input: opts.input ?? '' });
}

/** A shell word, quoted for sh. */
function shWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// Runs the built CLI on a pseudo-terminal (util-linux `script`), as an operator at a terminal sees it: stdout and
// stderr are both the terminal, so the result holds everything, control sequences included.
export function ferryInTerminal(args: string[], opts: FerryProcessOptions = {}): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, CLI, ...args].map(shWord).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: opts.cwd ?? REPO,
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
    child.stderr.on('data', (d: Buffer) => (screen += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, screen }));
  });
}
