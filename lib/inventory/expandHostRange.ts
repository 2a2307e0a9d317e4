/** What a host key expands to, or why it cannot. */
export type HostRange = { hosts: string[] } | { error: string };

/** Most hosts one inventory key may expand to: more is a typo (or a hostile file), and would exhaust memory. */
export const MAX_RANGE_HOSTS = 10_000;

const RANGE = /\[([0-9]+|[a-z]+):([0-9]+|[a-z]+)(?::([0-9]+))?\]/i;

/** The items of one `[start:end(:step)]` range. */
function rangeItems(start: string, end: string, stepText: string | undefined): string[] | string {
  const step = stepText === undefined ? 1 : Number(stepText);
  if (step < 1) return `range step must be at least 1`;
  const numeric = /^\d+$/.test(start) && /^\d+$/.test(end);
  if (!numeric && (start.length !== 1 || end.length !== 1 || /\d/.test(start + end))) {
    return 'a range is numbers ([01:10]) or single letters ([a:f])';
  }
  const [from, to] = numeric ? [Number(start), Number(end)] : [start.charCodeAt(0), end.charCodeAt(0)];
  if (to < from) return `range [${start}:${end}] ends before it starts`;
  if ((to - from) / step + 1 > MAX_RANGE_HOSTS) return `range [${start}:${end}] has more than ${MAX_RANGE_HOSTS} hosts`;
  const width = numeric && start.startsWith('0') ? start.length : 0;
  const items: string[] = [];
  for (let i = from; i <= to; i += step) items.push(numeric ? String(i).padStart(width, '0') : String.fromCharCode(i));
  return items;
}

// Ansible's host ranges: `web[01:03].example.com` is three hosts, `db-[a:c]` three more; ranges may repeat.
export function expandHostRange(name: string): HostRange {
  const m = RANGE.exec(name);
  if (!m) return { hosts: [name] };
  const items = rangeItems(m[1], m[2], m[3]);
  if (typeof items === 'string') return { error: items };
  const hosts: string[] = [];
  for (const item of items) {
    const rest = expandHostRange(name.slice(0, m.index) + item + name.slice(m.index + m[0].length));
    if ('error' in rest) return rest;
    hosts.push(...rest.hosts);
    if (hosts.length > MAX_RANGE_HOSTS) return { error: `${name} expands to more than ${MAX_RANGE_HOSTS} hosts` };
  }
  return { hosts };
}
