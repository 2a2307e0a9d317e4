import { banner } from '../report/banner.js';
import type { RunReport, TaskStatus } from '../report/types.js';

/** The mark each outcome gets in the table: what would change stands out, the rest stays quiet. */
export const PLAN_MARKS: Record<TaskStatus | 'unreachable', string> = {
  changed: '~',
  ok: '=',
  skipped: '-',
  pending: '?',
  failed: '!',
  unreachable: 'x',
};

const LEGEND = '~ would change   = already as asked   ? depends on an earlier change   - skipped   ! failed   x unreachable';

/** One row per task in run order (a repeated name stays separate), one mark per host. */
function matrix(report: RunReport): { tasks: string[]; hosts: string[]; marks: Map<string, string> } {
  const tasks: string[] = [];
  const keyIndex = new Map<string, number>();
  const marks = new Map<string, string>();
  const hosts = Object.keys(report.hosts);
  for (const host of hosts) {
    const h = report.hosts[host];
    const seen = new Map<string, number>();
    for (const t of h.tasks) {
      const base = `${t.play}\u0000${t.name}\u0000${t.module}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = `${base}\u0000${n}`;
      if (!keyIndex.has(key)) {
        keyIndex.set(key, tasks.length);
        tasks.push(t.name || t.module);
      }
      marks.set(`${keyIndex.get(key)}\u0000${host}`, PLAN_MARKS[t.status]);
    }
  }
  for (const host of hosts) {
    if (report.hosts[host].unreachable === 0) continue;
    // The tasks an unreachable host never got to say so, rather than staying blank.
    tasks.forEach((_, i) => marks.has(`${i}\u0000${host}`) || marks.set(`${i}\u0000${host}`, PLAN_MARKS.unreachable));
  }
  return { tasks, hosts, marks };
}

/** A Markdown table whose columns line up as plain text too. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

// `ferry run --plan-only`: after the check-mode run, a task × host table of what would change, the view an operator
// pastes into a change ticket. Few hosts: tasks down, hosts across; many hosts: hosts down, numbered tasks across.
export function planSummary(report: RunReport, maxHostColumns = 8): string {
  const { tasks, hosts, marks } = matrix(report);
  const mark = (i: number, host: string) => marks.get(`${i}\u0000${host}`) ?? ' ';
  const lines = [banner('PLAN SUMMARY [check mode: nothing was changed]')];
  if (hosts.length <= maxHostColumns) {
    lines.push(...table(['#', 'task', ...hosts], tasks.map((name, i) => [String(i + 1), name.replace(/\|/g, '\\|'), ...hosts.map((h) => mark(i, h))])));
  } else {
    lines.push(...tasks.map((name, i) => `${String(i + 1).padStart(3)}. ${name}`), '');
    lines.push(...table(['host', ...tasks.map((_, i) => String(i + 1))], hosts.map((h) => [h, ...tasks.map((_, i) => mark(i, h))])));
  }
  const changing = hosts.filter((h) => tasks.some((_, i) => mark(i, h) === PLAN_MARKS.changed));
  const changes = hosts.reduce((n, h) => n + tasks.filter((_, i) => mark(i, h) === PLAN_MARKS.changed).length, 0);
  lines.push('', LEGEND, `${changes} change(s) would be made on ${changing.length} of ${hosts.length} host(s).`, '');
  return lines.map((l) => `${l}\n`).join('');
}
