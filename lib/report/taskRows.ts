import type { HostReport, RunReport } from './types.js';

/** One task of a run, as every host saw it. */
export interface TaskRow {
  name: string;
  /** Each host's entry for this task, for the hosts that ran it. */
  byHost: Map<string, HostReport['tasks'][number]>;
}

// The report's tasks in run order, one row per task (the same name twice stays two rows): the shape of every table.
export function taskRows(report: Pick<RunReport, 'hosts'>): TaskRow[] {
  const rows: TaskRow[] = [];
  const index = new Map<string, number>();
  for (const [host, h] of Object.entries(report.hosts)) {
    const seen = new Map<string, number>();
    for (const t of h.tasks) {
      const base = `${t.play}\u0000${t.name}\u0000${t.module}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = `${base}\u0000${n}`;
      if (!index.has(key)) {
        index.set(key, rows.length);
        rows.push({ name: t.name || t.module, byHost: new Map() });
      }
      rows[index.get(key)!].byHost.set(host, t);
    }
  }
  return rows;
}
