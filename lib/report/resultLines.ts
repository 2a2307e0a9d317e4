import type { Palette } from './palette.js';
import type { HostTaskResult, TaskStatus } from './types.js';

/** Which colour each status line is printed in. */
const COLOR_OF: Record<TaskStatus, keyof Palette> = {
  ok: 'ok',
  changed: 'changed',
  failed: 'failed',
  skipped: 'skipped',
  pending: 'pending',
};

// One result as Ansible users read it: `changed: [host1 -> localhost] => (item=x)`, then `...ignoring` if ignored.
export function resultLines(result: HostTaskResult, p: Palette, verbosity: number): string[] {
  const target = result.delegatedTo ? `[${result.host} -> ${result.delegatedTo}]` : `[${result.host}]`;
  let line = `${result.status}: ${target}`;
  if (result.status === 'failed') {
    if (result.item !== undefined) line += ` (item=${result.item})`;
  } else if (result.item !== undefined) {
    line += ` => (item=${result.item})`;
  }
  if (result.msg && (result.prints || showsMessage(result.status, verbosity))) line += ` => ${result.msg}`;
  const lines = [p[COLOR_OF[result.status]](line)];
  if (result.status === 'failed' && result.ignored) lines.push(p.skipped('...ignoring'));
  return lines;
}

/** Failures, skips and pending results always say why; ok/changed messages are detail for -v. */
function showsMessage(status: TaskStatus, verbosity: number): boolean {
  return status === 'failed' || status === 'skipped' || status === 'pending' || verbosity >= 1;
}
