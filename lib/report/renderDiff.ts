import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** What a module knows about one file it would change; both sides already masked. */
export interface DiffInput {
  path?: string;
  before: string;
  after: string;
}

// A unified diff in the `--- before: path` / `+++ after: path` form Ansible's --diff prints; empty when nothing differs.
export function renderDiff(d: DiffInput): string {
  if (d.before === d.after) return '';
  const suffix = d.path ? `: ${d.path}` : '';
  return createTwoFilesPatch(`before${suffix}`, `after${suffix}`, d.before, d.after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
