import { shellQuote } from '../../transport/shellQuote.js';
import type { AssertRecentArgs } from './assertRecentTypes.js';

/** An ISO 8601 date and time as logs write it (`T` or a space, seconds, fraction and zone optional), as an ERE. */
export const ISO_STAMP_ERE = '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?';

// One host script: the host's clock, the file's mtime, and (with a pattern) the number of the last matching line and
// the timestamp on it. The line itself never leaves the host: a log line may hold anything.
export function recentScript(args: AssertRecentArgs): string {
  const lines = [
    `p=${shellQuote(args.path)}`,
    `printf 'now=%s\\noffset=%s\\n' "$(date +%s)" "$(date +%z)"`,
    `[ -e "$p" ] || { printf 'state=missing\\n'; exit 0; }`,
    `[ -r "$p" ] || { printf 'state=unreadable\\n'; exit 0; }`,
    `printf 'mtime=%s\\n' "$(stat -L -c %Y -- "$p")"`,
  ];
  if (args.pattern === undefined) return [...lines, `printf 'state=found\\n'`].join('\n');
  return [
    ...lines,
    `pat=${shellQuote(args.pattern)}`,
    // grep says 2 for a pattern it cannot read; an empty input makes that the only possible failure.
    `grep -E -e "$pat" </dev/null >/dev/null 2>&1; [ $? -ne 2 ] || { printf 'state=bad-pattern\\n'; exit 0; }`,
    `hit=$(grep -naE -e "$pat" -- "$p" | tail -n 1)`,
    `[ -n "$hit" ] || { printf 'state=no-match\\n'; exit 0; }`,
    `stamp=$(printf '%s\\n' "\${hit#*:}" | grep -oE -e ${shellQuote(ISO_STAMP_ERE)} | head -n 1)`,
    `printf 'state=found\\nline=%s\\nstamp=%s\\n' "\${hit%%:*}" "$stamp"`,
  ].join('\n');
}
