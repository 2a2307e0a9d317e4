import type { GiteaClient } from '../../gitea/GiteaClient.js';
import { GiteaError } from '../../gitea/GiteaError.js';
import type { ModuleContext } from '../defineModule.js';
import { adminClient } from '../gitea_common/adminClient.js';
import { atHost } from '../gitea_common/atHost.js';
import type { GiteaUserArgs, GiteaUserFacts, OrgFacts } from './giteaUserTypes.js';

// Reads, as the site admin: the account (with active / prohibit_login, which only an admin sees), the org's teams and
// whether the account is in the asked one. Gitea's API shows no one else's must_change_password: token_file finds it
// when a token of the account is refused with 403.
export async function probeGiteaUser(ctx: ModuleContext, args: GiteaUserArgs): Promise<GiteaUserFacts> {
  try {
    const admin = adminClient(ctx, args.gitea_url, args);
    const user = await admin.user(args.name);
    if (args.org === undefined || args.team === undefined) return { user };
    return { user, org: await probeOrg(admin, args.org, args.team, user === undefined ? undefined : user.login) };
  } catch (err) {
    throw atHost(err, ctx.hostname);
  }
}

async function probeOrg(admin: GiteaClient, org: string, teamName: string, login: string | undefined): Promise<OrgFacts> {
  let teams;
  try {
    teams = await admin.orgTeams(org);
  } catch (err) {
    if (err instanceof GiteaError && err.reason === 'not-found') return { exists: false, teams: [], member: false };
    throw err;
  }
  const team = teams.find((t) => t.name.toLowerCase() === teamName.toLowerCase());
  const member = team !== undefined && login !== undefined && (await admin.isTeamMember(team.id, login));
  return { exists: true, teams: teams.map((t) => t.name), team, member };
}
