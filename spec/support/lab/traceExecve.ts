import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { ExecveTrace } from './types.js';

/** A running strace, so the lab can end it when it stops. */
export interface TraceHandle extends ExecveTrace {
  kill(): void;
}

// Records every execve (argv and environment) of a host's processes and their future children: the listener and the
// sessions already open, so a connection made before the trace started is traced too.
export function traceExecve(pids: readonly number[], outFile: string): Promise<TraceHandle> {
  const args = ['-f', '-v', '-e', 'trace=execve', '-s', '65535', '-o', outFile, ...pids.flatMap((p) => ['-p', String(p)])];
  const child = spawn('strace', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  let stopping: Promise<string> | undefined;
  const handle: TraceHandle = {
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
        await exited;
        return readFile(outFile, 'utf8').catch(() => '');
      })();
      return stopping;
    },
  };
  // A process that ended between the scan and the attach is reported by strace and needs no trace.
  const settled = (pid: number): boolean =>
    stderr.includes(`Process ${pid} attached`) || new RegExp(`PTRACE_SEIZE, ${pid}\\)`).test(stderr);
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (pids.every(settled) && stderr.includes(`Process ${pids[0]} attached`)) resolve(handle);
    });
    child.once('error', reject);
    child.once('exit', () => reject(new Error(`strace ended before attaching to ${pids.join(', ')}: ${stderr.trim()}`)));
  });
}
