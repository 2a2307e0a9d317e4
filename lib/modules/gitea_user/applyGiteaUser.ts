import { GiteaError } from '../../gitea/GiteaError.js';
import type { ApplyResult, ModuleContext, Plan } from '../defineModule.js';
import { adminClient } from '../gitea_common/adminClient.js';
import { atHost } from '../gitea_common/atHost.js';
import type { GiteaUserArgs, GiteaUserData } from './giteaUserTypes.js';
import { randomPassword } from './randomPassword.js';

// Creates the account (must_change_password false, a random password registered as a secret and then forgotten) and
// adds it to the team; an account another host's run created a moment ago counts as created.
export async function applyGiteaUser(ctx: ModuleContext, plan: Plan<GiteaUserData>, args: GiteaUserArgs): Promise<ApplyResult> {
  const d = plan.data ?? {};
  try {
    const admin = adminClient(ctx, args.gitea_url, args);
    if (d.create) {
      const password = randomPassword();
      ctx.secret(password);
      try {
        await admin.createUser({ ...d.create, password, must_change_password: false });
      } catch (err) {
        const raced = err instanceof GiteaError && err.reason === 'conflict' && /user already exists/.test(err.message);
        if (!raced || (await admin.user(d.create.username)) === undefined) throw err;
      }
    }
    if (d.addToTeam) await admin.addTeamMember(d.addToTeam.id, args.name);
  } catch (err) {
    throw atHost(err, ctx.hostname);
  }
  return { result: plan.result };
}
