import { GiteaError } from '../../gitea/GiteaError.js';
import type { ModuleContext } from '../defineModule.js';
import { adminClient } from '../gitea_common/adminClient.js';
import { atHost } from '../gitea_common/atHost.js';
import type { GiteaTokenArgs, GiteaTokenFacts } from './giteaTokenTypes.js';

// Reads, as the site admin on the controller, the owner's tokens: ids, names, last eights and last use, never a secret.
export async function probeGiteaToken(ctx: ModuleContext, args: GiteaTokenArgs): Promise<GiteaTokenFacts> {
  try {
    const tokens = await adminClient(ctx, args.gitea_url, args).listTokens(args.user);
    return { userExists: true, tokens, now: Date.now() };
  } catch (err) {
    if (err instanceof GiteaError && err.reason === 'not-found') return { userExists: false, tokens: [], now: Date.now() };
    throw atHost(err, ctx.hostname);
  }
}
