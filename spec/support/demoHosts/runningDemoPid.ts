import { readFileSync } from 'node:fs';
import { demoPath } from './demoPaths.js';

// The pid of the demo that is up, if one is: its pid file names a process that still exists and is the demo.
export function runningDemoPid(): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(demoPath('pid'), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    // A stale pid file may name a pid the system has since given to another program: only ours counts.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('serveDemo') ? pid : undefined;
  } catch {
    return undefined;
  }
}
