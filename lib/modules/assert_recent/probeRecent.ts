import type { ModuleContext } from '../defineModule.js';
import { parseStats } from '../parseStats.js';
import { remoteFailure } from '../remoteFailure.js';
import type { AssertRecentArgs, RecentFacts } from './assertRecentTypes.js';
import { recentScript } from './recentScript.js';

const STATES: readonly string[] = ['missing', 'unreadable', 'bad-pattern', 'no-match', 'found'];

/** grep over a large log is quick, but a hung filesystem must not hang the run. */
const SCRIPT_TIMEOUT_MS = 60_000;

// Runs the freshness script on the host (one round trip) and reads its `key=value` lines back into facts.
export async function probeRecent(ctx: ModuleContext, args: AssertRecentArgs): Promise<RecentFacts> {
  const res = await ctx.host.exec({ script: recentScript(args), become: ctx.become, timeoutMs: SCRIPT_TIMEOUT_MS });
  const { vars } = parseStats(res.stdout);
  if (res.rc !== 0 || !STATES.includes(vars.state) || !/^\d+$/.test(vars.now ?? '')) {
    throw remoteFailure(ctx.hostname, `reading ${args.path}`, { ...res, rc: res.rc || 1 });
  }
  const facts: RecentFacts = { host: ctx.hostname, now: Number(vars.now), offset: vars.offset ?? '', state: vars.state as RecentFacts['state'] };
  if (/^\d+$/.test(vars.mtime ?? '')) facts.mtime = Number(vars.mtime);
  if (/^\d+$/.test(vars.line ?? '')) facts.line = Number(vars.line);
  if (vars.stamp !== undefined) facts.stamp = vars.stamp;
  return facts;
}
