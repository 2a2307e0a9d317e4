import { FerryError } from '../../errors/FerryError.js';
import type { Change, Plan } from '../defineModule.js';
import type { GiteaUserArgs, GiteaUserData, GiteaUserFacts } from './giteaUserTypes.js';

/** The e-mail of a persona the task gives none: RFC 2606 reserves `.invalid`, so nothing is ever sent there. */
export function defaultEmail(name: string): string {
  return `${name.toLowerCase()}@noreply.invalid`;
}

// Pure: create the account when Gitea has none, add it to the team when it is not in it; a blocked account is an error,
// since its tokens would be refused and changing that is an administrator's decision.
export function giteaUserPlan(facts: GiteaUserFacts, args: GiteaUserArgs): Plan<GiteaUserData> {
  const changes: Change[] = [];
  const data: GiteaUserData = {};
  const { user } = facts;
  if (user === undefined) {
    const email = args.email ?? defaultEmail(args.name);
    data.create = { username: args.name, email, full_name: args.full_name, visibility: args.visibility };
    const visibility = args.visibility ? `, visibility ${args.visibility}` : '';
    changes.push({ summary: `create Gitea user ${args.name} (${email}${visibility}, must_change_password false)` });
  } else if (user.prohibit_login === true || user.active === false) {
    const why = user.prohibit_login ? 'is prohibited from signing in' : 'is not active';
    throw new FerryError('MODULE', `Gitea user ${user.login} exists but ${why}, so Gitea refuses its tokens`, {},
      `clear it in Gitea's site administration (Edit account: ${user.prohibit_login ? 'uncheck "Disable sign-in"' : 'check "Activated"'})`);
  }
  const login = user?.login ?? args.name;
  const membership = args.org !== undefined && args.team !== undefined ? `team ${args.team} of org ${args.org}` : undefined;
  if (args.org !== undefined && args.team !== undefined) {
    const org = facts.org;
    if (!org?.exists) throw new FerryError('MODULE', `Gitea organization ${args.org} does not exist`, {}, 'create it in Gitea or fix org');
    if (!org.team) {
      throw new FerryError('MODULE', `Gitea organization ${args.org} has no team ${args.team}`, {},
        `use one of its teams: ${org.teams.join(', ') || '(none)'}`);
    }
    if (!org.member) {
      data.addToTeam = { id: org.team.id, name: org.team.name, org: args.org };
      changes.push({ summary: `add ${login} to team ${org.team.name} of org ${args.org}` });
    }
  }
  const result = { name: login, created: data.create !== undefined, ...(args.org ? { org: args.org, team: args.team } : {}) };
  const msg = `Gitea user ${login} exists${membership ? `, member of ${membership}` : ''}`;
  return changes.length === 0 ? { changes, msg, result } : { changes, data, result };
}
