import { FerryError } from '../../errors/FerryError.js';
import type { ModuleContext } from '../defineModule.js';
import { parseStats } from '../parseStats.js';
import { remoteFailure } from '../remoteFailure.js';
import type { AssertIdentityArgs, IdentityFacts, UnaskedState } from './assertIdentityTypes.js';
import { BODY_MARK, identityScript } from './identityScript.js';

const UNASKED: readonly string[] = ['missing', 'unreadable', 'empty', 'garbage', 'no-curl'];

/** curl gives up after 10 s; the whole script gets a little more. */
const SCRIPT_TIMEOUT_MS = 20_000;

// Runs the identity script on the host (one round trip) and reads its `key=value` lines back into facts.
export async function probeIdentityOnHost(ctx: ModuleContext, args: AssertIdentityArgs): Promise<IdentityFacts> {
  const res = await ctx.host.exec({ script: identityScript(args, userUrlOf(args.gitea_url, ctx.hostname)), become: ctx.become, timeoutMs: SCRIPT_TIMEOUT_MS });
  if (res.rc !== 0) throw remoteFailure(ctx.hostname, 'asking Gitea from the host', res);
  const at = res.stdout.indexOf(`\n${BODY_MARK}\n`);
  const { vars } = parseStats(at < 0 ? res.stdout : res.stdout.slice(0, at + 1));
  const host = ctx.hostname;
  if (UNASKED.includes(vars.state)) return { host, state: vars.state as UnaskedState };
  if (vars.state !== 'asked') throw remoteFailure(ctx.hostname, 'asking Gitea from the host', { ...res, rc: 1 });
  return {
    host,
    state: 'asked',
    curlRc: Number(vars.curl_rc),
    curlError: res.stderr.trim(),
    status: Number(vars.status),
    body: at < 0 ? '' : res.stdout.slice(at + BODY_MARK.length + 2),
    ...(vars.last4 ? { last4: vars.last4 } : {}),
  };
}

// The URL goes into curl's argv on the host, so it must carry no credentials; it always ends in /api/v1/user.
export function userUrlOf(giteaUrl: string, host: string): string {
  let url: URL;
  try {
    url = new URL(giteaUrl);
  } catch {
    throw new FerryError('MODULE', 'gitea_url is not a valid URL', { host }, 'write it like https://git.example.com');
  }
  if (url.username || url.password) {
    throw new FerryError('MODULE', 'gitea_url carries credentials, which would show in a command line on the host', { host },
      'drop the user:password@ part: the token is what authenticates');
  }
  url.search = '';
  url.hash = '';
  return `${url.toString().replace(/\/+$/, '')}/api/v1/user`;
}
