import type { FileChange } from '../../report/types.js';
import type { RecordedRun } from './rollbackReport.js';

/** One step of a rollback: a task of the run, undone on each host that changed files in it, newest file first. */
export interface RollbackTask {
  name: string;
  hosts: Map<string, FileChange[]>;
}

// A rollback undoes the run like a stack: the last task first, and within a task its last file first, so each
// restore finds the file as the next-later change left it. Hosts share a step for the same task of the run; the
// merged order keeps every host's own order, splitting a step where two hosts disagree.
export function rollbackTasks(run: Pick<RecordedRun, 'hosts'>, only?: ReadonlySet<string>): RollbackTask[] {
  const order: string[] = [];
  const steps = new Map<string, RollbackTask>();
  for (const [host, tasks] of run.hosts) {
    if (only && !only.has(host)) continue;
    let previous = -1;
    for (const task of tasks) {
      if (task.files.length === 0) continue;
      let key = task.key;
      let at = order.indexOf(key);
      if (at >= 0 && (at <= previous || steps.get(key)!.hosts.has(host))) {
        key = `${task.key}\u0000${host}\u0000${previous}`;
        at = -1;
      }
      if (at < 0) {
        at = previous + 1;
        order.splice(at, 0, key);
        steps.set(key, { name: task.name, hosts: new Map() });
      }
      steps.get(key)!.hosts.set(host, [...task.files].reverse());
      previous = at;
    }
  }
  return order.reverse().map((key) => steps.get(key)!);
}
