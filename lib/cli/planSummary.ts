import { banner } from '../report/banner.js';
import { taskRows } from '../report/taskRows.js';
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
  const rows = taskRows(report);
  const hosts = Object.keys(report.hosts);
  const marks = new Map<string, string>();
  rows.forEach((row, i) => row.byHost.forEach((t, host) => marks.set(`${i}\u0000${host}`, PLAN_MARKS[t.status])));
  const tasks = rows.map((r) => r.name);
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
