import { must, type Ctx } from '../context.js';
import { assignOrg, assignTeam, reqOrgMembership, reqTeamMembership, reqTeamOrgOwnership, requireScope, reqToken } from '../guards.js';
import { pagedReply } from '../paging.js';
import { notFound, ok, type Reply } from '../replies.js';
import type { UserRow } from '../records.js';
import type { Route } from '../routeTable.js';
import { teamJson, userJson } from '../views.js';

const orgScope = requireScope('organization');
const teamGuards = [orgScope, assignTeam, reqToken, reqTeamMembership];

// user.GetUserByParams: an unknown user is a 404 naming the lookup, with the underlying error in `errors`.
function pathUser(ctx: Ctx): UserRow | Reply {
  const name = ctx.params.username;
  return ctx.state.user(name) ?? notFound(ctx.appUrl, 'GetUserByName', [`user does not exist [uid: 0, name: ${name}]`]);
}

function getTeamMember(ctx: Ctx): Reply {
  const user = pathUser(ctx);
  if ('status' in user) return user;
  const team = must(ctx.team, 'team');
  return team.members.has(user.id) ? ok(200, userJson(user, ctx.doer, ctx.appUrl)) : notFound(ctx.appUrl);
}

// AddTeamMember is idempotent: a member already in the team gets 204 again.
function addTeamMember(ctx: Ctx): Reply {
  const user = pathUser(ctx);
  if ('status' in user) return user;
  must(ctx.team, 'team').members.add(user.id);
  return ok(204);
}

// Joining an organization means joining one of its teams: Gitea has no PUT /orgs/{org}/members/{username}.
export const teamRoutes: Route[] = [
  {
    method: 'GET',
    path: '/orgs/{org}/teams',
    guards: [orgScope, assignOrg, reqToken, reqOrgMembership],
    handle: (ctx) => pagedReply(ctx.state.teamsOf(must(ctx.org, 'org').id), ctx.query, teamJson),
  },
  { method: 'GET', path: '/teams/{id}/members/{username}', guards: teamGuards, handle: getTeamMember },
  { method: 'PUT', path: '/teams/{id}/members/{username}', guards: [...teamGuards, reqTeamOrgOwnership], handle: addTeamMember },
];
