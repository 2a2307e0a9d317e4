import { banner } from '../../report/banner.js';
import { taskRows } from '../../report/taskRows.js';
import type { RunListener, RunReport } from '../../report/types.js';

/** One task's time on each host that ran it, in run order. */
interface Timed {
  name: string;
  hosts: Array<[string, number]>;
}

/** `1.52s` or `820ms`. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : `${ms}ms`;
}

/** Tasks in the order they ran, each with every host's time; a task name used twice stays two rows. */
export function taskTimings(report: RunReport): Timed[] {
  return taskRows(report).map((row) => ({
    name: row.name,
    hosts: [...row.byHost].flatMap(([host, t]): Array<[string, number]> => (t.ms === undefined ? [] : [[host, t.ms]])),
  }));
}

// -vv: after the recap, how long each task took on each host (slowest first within a task), as profile_tasks shows it.
export class TaskTimings implements RunListener {
  constructor(private readonly write: (text: string) => void) {}

  runEnd(report: RunReport): void {
    const rows = taskTimings(report).filter((r) => r.hosts.length > 0);
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.name.length));
    const lines = rows.map((r) => {
      const sorted = [...r.hosts].sort((a, b) => b[1] - a[1]);
      const per = sorted.map(([h, ms]) => `${h} ${formatMs(ms)}`).join(', ');
      return `${formatMs(sorted[0][1]).padStart(8)}  ${r.name.padEnd(width)}  ${per}`;
    });
    this.write([banner('TASK TIMINGS'), ...lines, ''].map((l) => `${l}\n`).join(''));
  }
}
