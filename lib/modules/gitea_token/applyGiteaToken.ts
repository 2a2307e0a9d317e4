import { GiteaError } from '../../gitea/GiteaError.js';
import type { ApplyResult, ModuleContext, Plan } from '../defineModule.js';
import { adminClient } from '../gitea_common/adminClient.js';
import { atHost } from '../gitea_common/atHost.js';
import type { GiteaTokenArgs, GiteaTokenData } from './giteaTokenTypes.js';

// Revokes exactly the tokens the plan let go, by id; one deleted meanwhile by someone else is as good as revoked.
export async function applyGiteaToken(ctx: ModuleContext, plan: Plan<GiteaTokenData>, args: GiteaTokenArgs): Promise<ApplyResult> {
  const data = plan.data;
  if (!data) return { result: plan.result };
  const admin = adminClient(ctx, args.gitea_url, args);
  try {
    for (const t of data.tokens) {
      try {
        await admin.deleteToken(data.user, t.id);
      } catch (err) {
        if (!(err instanceof GiteaError && err.reason === 'not-found')) throw err;
      }
    }
  } catch (err) {
    throw atHost(err, ctx.hostname);
  }
  return { result: { revoked: data.tokens }, msg: (plan.msg ?? '').replace(/^revoke /gm, 'revoked ') };
}
