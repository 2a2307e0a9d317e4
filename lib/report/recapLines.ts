import type { Palette } from './palette.js';
import { RECAP_KEYS } from './recapOf.js';
import type { Recap, RunReport } from './types.js';

/** Ansible pads recap host names to 26 columns; scripts and eyes rely on the alignment. */
const HOST_WIDTH = 26;

/** The colour a non-zero count is printed in. */
const COUNT_COLOR: Record<keyof Recap, keyof Palette> = {
  ok: 'ok',
  changed: 'changed',
  unreachable: 'failed',
  failed: 'failed',
  skipped: 'skipped',
  rescued: 'ok',
  ignored: 'changed',
  pending: 'pending',
};

// One recap line as ansible-playbook prints it; `pending=N` is added only when a check run left something pending.
export function recapLine(host: string, recap: Recap, p: Palette): string {
  const fields = RECAP_KEYS.filter((key) => key !== 'pending' || recap.pending > 0).map((key) => {
    const text = `${key}=${recap[key]}`;
    const colored = recap[key] > 0 ? p[COUNT_COLOR[key]](text) : text;
    return colored + ' '.repeat(Math.max(1, 5 - String(recap[key]).length));
  });
  const name = hostColor(recap, p)(host) + ' '.repeat(Math.max(0, HOST_WIDTH - host.length));
  return `${name} : ${fields.join('')}`.trimEnd();
}

// Every host of the run, sorted by name like Ansible's recap.
export function recapLines(report: Pick<RunReport, 'hosts'>, p: Palette): string[] {
  return Object.keys(report.hosts)
    .sort()
    .map((host) => recapLine(host, report.hosts[host], p));
}

/** The host name is red when something broke, yellow when something changed, green otherwise. */
function hostColor(recap: Recap, p: Palette): (s: string) => string {
  if (recap.failed > 0 || recap.unreachable > 0) return p.failed;
  if (recap.changed > 0) return p.changed;
  return p.ok;
}
