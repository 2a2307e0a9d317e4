import path from 'node:path';
import { normalizeScopes } from '../../gitea/scopes.js';
import type { ModuleContext } from '../defineModule.js';
import { adminClient } from '../gitea_common/adminClient.js';
import { atHost } from '../gitea_common/atHost.js';
import { parseStats } from '../parseStats.js';
import { MISSING, type PathStat } from '../PathStat.js';
import { remoteFailure } from '../remoteFailure.js';
import { statScript } from '../statScript.js';
import { probeIdentity } from './probeIdentity.js';
import { probePersona } from './probePersona.js';
import { readStoredToken } from './readStoredToken.js';
import { sharedPersonaTokens } from './sharedPersonaTokens.js';
import type { TokenFileArgs, TokenFileFacts } from './tokenFileTypes.js';

/** A token file larger than this holds no token; its bytes are not fetched. */
const CONTENT_LIMIT = 4096;

// One host round trip (the file, its directory, its bytes), then on the controller: whose token is it, and what does
// the persona's token list say of it. Every value read is registered as a secret before anything else happens.
export async function probeTokenFile(ctx: ModuleContext, args: TokenFileArgs): Promise<TokenFileFacts> {
  const dir = path.posix.dirname(args.path);
  const script = statScript([
    { path: args.path, label: 'file', opts: { contentLimit: CONTENT_LIMIT } },
    { path: dir, label: 'dir' },
  ]);
  const res = await ctx.host.exec({ script, become: ctx.become });
  const { stats } = parseStats(res.stdout);
  const raw = stats.file?.content;
  if (raw !== undefined) ctx.secret(raw.toString('utf8'));
  if (res.rc !== 0) throw remoteFailure(ctx.hostname, `reading ${args.path}`, res);
  const file: PathStat = { ...(stats.file ?? MISSING) };
  delete file.content;
  const isFile = file.exists && file.type === 'file';
  const { value, stored } = readStoredToken(isFile, raw);
  if (value !== undefined) ctx.secret(value);
  const tokenName = args.token_name ?? `${args.persona ?? ''}@${ctx.hostname}`;
  const facts: TokenFileFacts = { file, dir: stats.dir ?? MISSING, stored, tokenName, identity: { kind: 'unchecked' } };
  if (args.token !== undefined || args.persona === undefined || args.gitea_url === undefined) return facts;

  try {
    normalizeScopes(args.scopes ?? []); // an unknown scope is the task's mistake: say so before calling Gitea
    const admin = adminClient(ctx, args.gitea_url, args);
    const key = { ctx, url: args.gitea_url, args, persona: args.persona };
    // Two independent questions to Gitea: asked together, one round trip of waiting instead of two.
    const [identity, persona] = await Promise.all([
      value === undefined ? facts.identity : probeIdentity(args.gitea_url, value),
      sharedPersonaTokens(key, () => probePersona(admin, key.persona)),
    ]);
    facts.identity = identity;
    facts.persona = persona;
  } catch (err) {
    throw atHost(err, ctx.hostname);
  }
  return facts;
}
