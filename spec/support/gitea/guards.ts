import { grantsScopes } from '../../../lib/gitea/scopes.js';
import type { Ctx } from './context.js';
import { apiError, notFound, type Reply } from './replies.js';

/** One step of a route's middleware chain: an answer stops the chain, undefined lets it go on. */
export type Guard = (ctx: Ctx) => Reply | undefined;

// tokenRequiresScopes: only token-authenticated calls are checked; GET needs read:<cat>, writes need write:<cat>.
export function requireScope(category: string): Guard {
  return (ctx) => {
    if (!ctx.token) return undefined;
    const required = `${ctx.method === 'GET' ? 'read' : 'write'}:${category}`;
    if (grantsScopes(ctx.token.scopes, [required])) return undefined;
    const message = `token does not have at least one of required scope(s), required=[${required}], token scope=${ctx.token.scopes.join(',')}`;
    return apiError(ctx.appUrl, 403, message);
  };
}

// reqToken: a signed-in caller is needed, whatever the method.
export const reqToken: Guard = (ctx) => (ctx.doer ? undefined : apiError(ctx.appUrl, 401, 'token is required'));

// reqSiteAdmin guards the /admin routes.
export const reqSiteAdmin: Guard = (ctx) =>
  ctx.doer?.admin ? undefined : apiError(ctx.appUrl, 403, 'user should be the site admin');

// UserAssignmentAPI: the {username} of the path must exist.
export const assignUser: Guard = (ctx) => {
  ctx.contextUser = ctx.state.user(ctx.params.username);
  if (ctx.contextUser) return undefined;
  return apiError(ctx.appUrl, 404, `user redirect does not exist [name: ${ctx.params.username.toLowerCase()}]`);
};

// reqSelfOrAdmin: a user's tokens are managed by that user or a site admin only.
export const reqSelfOrAdmin: Guard = (ctx) =>
  ctx.doer?.admin || (ctx.doer && ctx.doer.id === ctx.contextUser?.id)
    ? undefined
    : apiError(ctx.appUrl, 403, 'doer should be the site admin or be same as the contextUser');

// reqBasicOrRevProxyAuth: the token endpoints refuse tokens.
export const reqBasicAuth: Guard = (ctx) => (ctx.auth === 'basic' ? undefined : apiError(ctx.appUrl, 401, 'auth required'));

// orgAssignment(true): an unknown organization is a 404 naming the lookup that failed.
export const assignOrg: Guard = (ctx) => {
  ctx.org = ctx.state.org(ctx.params.org);
  if (ctx.org) return undefined;
  return notFound(ctx.appUrl, 'GetOrgByName', [`user redirect does not exist [name: ${ctx.params.org.toLowerCase()}]`]);
};

// orgAssignment(false, true): the team id is read as an integer; anything unknown is a plain 404.
export const assignTeam: Guard = (ctx) => {
  ctx.team = /^\d+$/.test(ctx.params.id) ? ctx.state.team(Number(ctx.params.id)) : undefined;
  return ctx.team ? undefined : notFound(ctx.appUrl);
};

// reqOrgMembership: listing an organization's teams needs a member or a site admin.
export const reqOrgMembership: Guard = (ctx) => {
  if (ctx.doer?.admin || (ctx.doer && ctx.org && ctx.state.isOrgMember(ctx.org.id, ctx.doer.id))) return undefined;
  return apiError(ctx.appUrl, 403, 'Must be an organization member');
};

// reqTeamMembership: admins, org owners and team members pass; other org members get 403, strangers 404.
export const reqTeamMembership: Guard = (ctx) => {
  const { doer, team, state } = ctx;
  if (!doer || !team || doer.admin || state.isOrgOwner(team.orgId, doer.id) || team.members.has(doer.id)) return undefined;
  return state.isOrgMember(team.orgId, doer.id) ? apiError(ctx.appUrl, 403, 'Must be a team member') : notFound(ctx.appUrl);
};

// reqOrgOwnership in a team route: without an organization in context Gitea answers 404, not 403.
export const reqTeamOrgOwnership: Guard = (ctx) => {
  const { doer, team, state } = ctx;
  return doer && team && (doer.admin || state.isOrgOwner(team.orgId, doer.id)) ? undefined : notFound(ctx.appUrl);
};
