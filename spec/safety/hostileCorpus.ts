import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO } from '../support/runFerry.js';

export const HOSTILE_DIR = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));

/** Bytes of the files that must be "a 50 MB file". */
const HUGE = 50 * 1024 * 1024;

// A working copy of the hostile corpus with the inputs git cannot hold: 50 MB files, FIFOs, symlink loops, a link to a
// device that never ends, lists nested 20000 deep.
export function hostileCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-hostile-'));
  cpSync(HOSTILE_DIR, dir, { recursive: true });
  const at = (p: string) => join(dir, p);
  symlinkSync('loop-b.yml', at('parts/symlink-loop.yml'));
  symlinkSync('symlink-loop.yml', at('parts/loop-b.yml'));
  symlinkSync('task-loop-b.yml', at('parts/task-loop.yml'));
  symlinkSync('task-loop.yml', at('parts/task-loop-b.yml'));
  symlinkSync('loop-playbook-b.yml', at('loop-playbook.yml'));
  symlinkSync('loop-playbook.yml', at('loop-playbook-b.yml'));
  symlinkSync('/dev/zero', at('parts/dev-zero.yml'));
  execFileSync('mkfifo', [at('parts/fifo.yml')]);
  const filler = (head: string) => head + `# ${'x'.repeat(HUGE)}\n`;
  writeFileSync(at('huge.yml'), filler('- hosts: all\n  tasks:\n    - debug: { msg: hello }\n'));
  writeFileSync(at('parts/huge-vars.yml'), filler('a: 1\n'));
  writeFileSync(at('huge-inventory.yml'), filler('all:\n  hosts:\n    target: { ansible_host: 127.0.0.1, ansible_port: 1 }\n'));
  writeFileSync(at('deep-nesting.yml'), `- hosts: all\n  vars:\n    x: ${'['.repeat(20000)}${']'.repeat(20000)}\n  tasks:\n    - debug: { var: x }\n`);
  return dir;
}

/** One CLI run of a case: what it printed, how it ended, how long it took, and whether it had to be killed. */
export interface TimedRun {
  code: number;
  output: string;
  ms: number;
  hung: boolean;
}

// Runs the built CLI like runFerry, but kills it after `killAfterMs`: a hang is a finding, not a stuck suite.
export function runTimed(args: string[], cwd: string, killAfterMs: number): Promise<TimedRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output, ms: Date.now() - started, hung });
    });
  });
}
