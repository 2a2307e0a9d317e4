import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Mount namespace id of a process (`mnt:[4026532…]`), or undefined once it is gone or a zombie. */
export function mountNamespaceOf(pid: number | 'self'): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/mnt`);
  } catch {
    return undefined;
  }
}

// A host is every process inside its mount namespace: the listener, its sessions and whatever they started.
export function pidsInNamespace(ns: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    if (mountNamespaceOf(pid) === ns) pids.push(pid);
  }
  return pids;
}

/** Sends a signal, ignoring a process that is already gone. */
export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

// Kills a whole host synchronously: its process group, then every process left in its namespace, until none is.
export function killHostSync(pgid: number, ns: string | undefined): void {
  if (!ns) return;
  // Pids wrap (pid_max is often 32768): once the host's leader is gone, its number may lead someone else's group,
  // such as the test run itself. Signal the group only while its leader is still inside the host's namespace.
  if (mountNamespaceOf(pgid) === ns) signal(-pgid, 'SIGKILL');
  for (let round = 0; round < 20; round++) {
    const left = pidsInNamespace(ns);
    if (left.length === 0) return;
    left.forEach((pid) => signal(pid, 'SIGKILL'));
  }
}

const cleanups = new Set<() => void>();
let installed = false;

// Safety net: whatever a spec forgot to stop is killed when the test process exits, even on a crash.
export function onExitCleanup(fn: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', () => {
      for (const cleanup of [...cleanups]) {
        try {
          cleanup();
        } catch {
          // keep cleaning the others
        }
      }
    });
  }
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** One-letter state of a process from /proc (`T` when stopped), undefined once it is gone. */
function stateOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

// A signal is delivered asynchronously: kill() returns before the process has stopped or resumed, so wait (briefly,
// bounded) until /proc shows it, and a caller may rely on the state at once.
export function stopSync(pids: readonly number[]): void {
  pids.forEach((pid) => signal(pid, 'SIGSTOP'));
  waitForState(pids, (state) => state === 'T' || state === 't');
}

/** Resumes stopped processes and waits until none shows as stopped. */
export function continueSync(pids: readonly number[]): void {
  pids.forEach((pid) => signal(pid, 'SIGCONT'));
  waitForState(pids, (state) => state !== 'T' && state !== 't');
}

function waitForState(pids: readonly number[], done: (state: string) => boolean): void {
  const deadline = Date.now() + 2000;
  for (const pid of pids) {
    for (;;) {
      const state = stateOf(pid);
      if (state === undefined || state === 'Z' || done(state) || Date.now() > deadline) break;
    }
  }
}
