import { shellQuote } from '../../transport/shellQuote.js';
import { RUN_ID_GLOBS } from './backupStore.js';

/** What to prune on one host: ferry's store directories, and paths whose `<path>.bak.<UTC>` copies pile up beside them. */
export interface PruneTarget {
  keep: number;
  stores: readonly string[];
  besides: readonly string[];
}

const STAMP_GLOB = `${'[0-9]'.repeat(8)}T${'[0-9]'.repeat(6)}Z`;

// Keeps the `keep` newest run directories of each store and the `keep` newest `.bak.` copies of each path, removing
// the older ones; names sort by their UTC stamp, so "newest" is "last" in the C locale's glob order.
export function pruneBackupsScript(target: PruneTarget): string {
  if (!Number.isInteger(target.keep) || target.keep < 1) throw new RangeError(`keep must be a whole number of at least 1, got ${target.keep}`);
  const lines = [
    'LC_ALL=C; export LC_ALL',
    `__keep=${target.keep}`,
    // Removes all but the last $__keep of its arguments.
    '__ferry_prune() { __n=$(($# - __keep)); while [ "$__n" -gt 0 ]; do rm -rf -- "$1"; shift; __n=$((__n - 1)); done; }',
  ];
  for (const store of target.stores) {
    const q = shellQuote(store);
    lines.push(`set --; for __d in ${RUN_ID_GLOBS.map((g) => `${q}/${g}`).join(' ')}; do [ -d "$__d" ] && set -- "$@" "$__d"; done; __ferry_prune "$@"`);
  }
  for (const path of target.besides) {
    const q = shellQuote(path);
    lines.push(
      `set --; for __f in ${q}.bak.*; do case \${__f#${q}.bak.} in ${STAMP_GLOB} | ${STAMP_GLOB}.[0-9]*) [ -f "$__f" ] && set -- "$@" "$__f";; esac; done; __ferry_prune "$@"`,
    );
  }
  lines.push('exit 0', '');
  return lines.join('\n');
}
