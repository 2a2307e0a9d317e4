import { spawn } from 'node:child_process';

/** One timed child process: wall time, exit code and what it printed. */
export interface TimedRun {
  ms: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** How to start the child. */
export interface TimedSpawn {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, then closed. */
  stdin?: string;
}

// The stopwatch every tool is measured with: from spawn to exit of one process, output kept for the failure message.
export function timedProcess(run: TimedSpawn): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(run.command, run.args, { cwd: run.cwd, env: run.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.stdin.on('error', () => undefined);
    child.stdin.end(run.stdin ?? '');
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ ms, code: code ?? (signal ? 128 : -1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** The last lines of a run's output, for a message saying why a measured run did not succeed. */
export function tailOf(run: TimedRun, lines = 15): string {
  const all = `${run.stdout}\n${run.stderr}`.trim().split('\n');
  // The lines that say what failed (Ansible's `fatal:`, ferry's `failed:`) come long before the recap.
  const failures = all.filter((l) => /^(fatal|failed):/.test(l)).slice(0, 5);
  return [...failures, ...(failures.length ? ['…'] : []), ...all.slice(-lines)].join('\n');
}
