import type { Route } from '../routeTable.js';
import { must } from '../context.js';
import { assignUser, requireScope, reqToken } from '../guards.js';
import { ok } from '../replies.js';
import { userJson } from '../views.js';

/** The version the double claims to be; the contract it follows is this release's. */
export const DOUBLE_VERSION = '1.25.4';

// Who is calling, who is someone, and which Gitea this is.
export const userRoutes: Route[] = [
  { method: 'GET', path: '/version', guards: [], handle: () => ok(200, { version: DOUBLE_VERSION }) },
  {
    method: 'GET',
    path: '/user',
    guards: [requireScope('user'), reqToken],
    handle: (ctx) => ok(200, userJson(must(ctx.doer, 'doer'), ctx.doer, ctx.appUrl)),
  },
  {
    method: 'GET',
    path: '/users/{username}',
    guards: [requireScope('user'), assignUser],
    handle: (ctx) => ok(200, userJson(must(ctx.contextUser, 'contextUser'), ctx.doer, ctx.appUrl)),
  },
];
