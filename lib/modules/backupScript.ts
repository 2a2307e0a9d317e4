import { shellQuote } from '../transport/shellQuote.js';

// Copies a file to `<path>.bak.<UTC YYYYMMDDTHHMMSSZ>` with cp -p (mode and owner kept, so never wider) and prints the suffix it used.
export function backupScript(path: string): string {
  const p = shellQuote(path);
  return [
    'set -e',
    'b=.bak.$(date -u +%Y%m%dT%H%M%SZ)',
    's=$b n=0',
    // Two backups within one second must not overwrite each other: the second one gets `.1`.
    `while [ -e ${p}"$s" ] || [ -L ${p}"$s" ]; do n=$((n + 1)); s=$b.$n; done`,
    `cp -p -- ${p} ${p}"$s"`,
    `printf '%s\\n' "$s"`,
  ].join('\n');
}
