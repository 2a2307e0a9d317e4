import { FerryError } from '../../errors/FerryError.js';
import type { Plan } from '../defineModule.js';
import type { AssertRecentArgs, RecentFacts } from './assertRecentTypes.js';
import { formatDuration, parseDuration } from './parseDuration.js';
import { parseStamp } from './parseStamp.js';

// Pure: no changes when the last success (or the file's mtime) is younger than max_age; anything else is a failure
// that says how old it is, so a consumer failing silently shows up at the next check instead of days later.
export function assertRecentPlan(facts: RecentFacts, args: AssertRecentArgs): Plan<never> {
  const fail = (message: string, hint: string): never => {
    throw new FerryError('MODULE', message, { host: facts.host }, hint);
  };
  const limit = parseDuration(args.max_age);
  if (limit === undefined) return fail(`max_age '${args.max_age}' is not a duration`, 'write it like 90s, 30m, 24h or 7d');
  const p = args.path;
  switch (facts.state) {
    case 'missing':
      return fail(`${p} does not exist on the host`, 'check the path: a consumer that never ran has no log either');
    case 'unreadable':
      return fail(`${p} cannot be read by the login user`, 'run the task with become: true');
    case 'bad-pattern':
      return fail(`grep on the host cannot read the pattern '${args.pattern}'`, 'write an extended regular expression (grep -E)');
    case 'no-match':
      return fail(`no line of ${p} matches '${args.pattern}': no success was ever logged`, 'check the pattern against a success line, or look at why the consumer fails');
  }
  let at: number;
  let what: string;
  if (args.pattern === undefined) {
    if (facts.mtime === undefined) return fail(`the host did not say when ${p} last changed`, 'check that stat(1) is GNU coreutils');
    at = facts.mtime;
    what = `${p} last changed`;
  } else {
    const stamp = facts.stamp ?? '';
    const parsed = stamp === '' ? undefined : parseStamp(stamp, facts.offset);
    if (parsed === undefined) {
      return fail(`the last line of ${p} matching '${args.pattern}' (line ${facts.line}) has no ISO 8601 timestamp`,
        'log success lines with `date -Is` (or `date -u +%FT%TZ`), or drop pattern to judge the file\'s mtime');
    }
    at = parsed;
    what = `last success in ${p} (line ${facts.line}, ${stamp})`;
  }
  const age = Math.max(0, facts.now - at);
  const result = { path: p, age_seconds: age, max_age_seconds: limit, at: new Date(at * 1000).toISOString(), ...(facts.line ? { line: facts.line } : {}) };
  if (age > limit) {
    return fail(`${what} is ${formatDuration(age)} old, older than ${args.max_age}`,
      'the consumer has not succeeded since: read its log, run its job by hand (cron_script), fix it');
  }
  return { changes: [], msg: `${what} is ${formatDuration(age)} old (limit ${args.max_age})`, result };
}
