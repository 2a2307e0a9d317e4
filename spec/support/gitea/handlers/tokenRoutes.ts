import { parseScopes } from '../../../../lib/gitea/scopes.js';
import { goParseInt } from '../../../../lib/gitea/goParseInt.js';
import { bind } from '../binding.js';
import { must, type Ctx } from '../context.js';
import { assignUser, reqBasicAuth, reqSelfOrAdmin, requireScope, reqToken } from '../guards.js';
import { pagedReply } from '../paging.js';
import { apiError, notFound, ok, type Reply } from '../replies.js';
import type { Route } from '../routeTable.js';
import { newTokenJson, tokenJson } from '../views.js';

/** Gitea's middleware order on /users/{username}/tokens (CONTRACT §1). */
const tokenGuards = [requireScope('user'), assignUser, reqSelfOrAdmin, reqBasicAuth];
const bindToken = bind('CreateAccessTokenOption', [
  { json: 'name', go: 'Name', type: 'string', required: true },
  { json: 'scopes', go: 'Scopes', type: '[]string' },
]);

// CreateAccessToken: a unique name first, then valid, non-empty scopes; the secret appears in this answer only.
function createToken(ctx: Ctx): Reply {
  const owner = must(ctx.contextUser, 'contextUser');
  const form = ctx.body as { name: string; scopes?: string[] };
  if (ctx.state.tokensOf(owner.id).some((t) => t.name === form.name)) {
    return apiError(ctx.appUrl, 400, 'access token name has been used already');
  }
  const parsed = parseScopes(form.scopes ?? []);
  if (!parsed.ok) {
    return apiError(ctx.appUrl, 400, `invalid access token scope provided: invalid access token scope: ${parsed.invalid}`);
  }
  if (parsed.scopes.length === 0) return apiError(ctx.appUrl, 400, 'access token must have a scope');
  const { row, secret } = ctx.state.mintToken(owner.id, form.name, parsed.scopes);
  return ok(201, newTokenJson(row, secret));
}

// DeleteAccessToken: strconv.ParseInt(v, 0, 64) decides; non-zero is an ID, anything else a name of this user's token.
function deleteToken(ctx: Ctx): Reply {
  const owner = must(ctx.contextUser, 'contextUser');
  const ref = ctx.params.token;
  const asId = goParseInt(ref);
  const mine = ctx.state.tokensOf(owner.id);
  let id: number | undefined;
  if (asId !== 0n) {
    id = mine.find((t) => BigInt(t.id) === asId)?.id;
  } else {
    const named = mine.filter((t) => t.name === ref);
    if (named.length > 1) return apiError(ctx.appUrl, 422, `multiple matches for token name '${ref}'`);
    id = named[0]?.id;
  }
  if (id === undefined || !ctx.state.deleteToken(id)) return notFound(ctx.appUrl);
  return ok(204);
}

// Listing, minting and deleting a user's tokens: Basic auth only, self or site admin.
export const tokenRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users/{username}/tokens',
    guards: tokenGuards,
    handle: (ctx) => pagedReply(ctx.state.tokensOf(must(ctx.contextUser, 'contextUser').id), ctx.query, tokenJson),
  },
  { method: 'POST', path: '/users/{username}/tokens', guards: [...tokenGuards, bindToken, reqToken], handle: createToken },
  { method: 'DELETE', path: '/users/{username}/tokens/{token}', guards: [...tokenGuards, reqToken], handle: deleteToken },
];
