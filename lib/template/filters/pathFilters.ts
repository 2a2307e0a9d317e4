import { asList, asString } from './argTypes.js';
import { defineFilter } from './defineFilter.js';

/** Python's os.path.basename: what follows the last `/` (empty for a path ending in `/`). */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Python's os.path.dirname: what precedes the last `/`, without trailing slashes unless it is the root. */
export function dirname(path: string): string {
  const head = path.slice(0, path.lastIndexOf('/') + 1);
  return /^\/+$/.test(head) ? head : head.replace(/\/+$/, '');
}

// POSIX path filters with Python's os.path semantics, since remote hosts are POSIX and playbooks come from Ansible.
export const pathFilters = [
  defineFilter({ name: 'basename', run: (v) => basename(asString(v, 'basename')) }),
  defineFilter({ name: 'dirname', run: (v) => dirname(asString(v, 'dirname')) }),
  defineFilter({
    name: 'path_join',
    run: (v) =>
      asList(v, 'path_join')
        .map((part) => asString(part, 'path_join'))
        .reduce((acc, part) => (part.startsWith('/') || acc === '' ? part : acc.endsWith('/') ? acc + part : `${acc}/${part}`), ''),
  }),
];
