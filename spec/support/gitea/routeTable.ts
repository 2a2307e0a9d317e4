import type { Ctx } from './context.js';
import type { Guard } from './guards.js';
import { adminRoutes } from './handlers/adminRoutes.js';
import { teamRoutes } from './handlers/teamRoutes.js';
import { tokenRoutes } from './handlers/tokenRoutes.js';
import { userRoutes } from './handlers/userRoutes.js';
import type { Reply } from './replies.js';

/** One route of the double, named by its path template in Gitea's swagger (below /api/v1). */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Gitea's middleware for this route, in its order. */
  guards: Guard[];
  handle: (ctx: Ctx) => Reply;
}

// Every route the double answers; the drift spec checks each one against the swagger file.
export const DOUBLE_ROUTES: readonly Route[] = [...userRoutes, ...adminRoutes, ...teamRoutes, ...tokenRoutes];

const compiled = DOUBLE_ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, names, re: new RegExp(`^${source}$`) };
});

// Finds the route for a method and a path below /api/v1, with its decoded path parameters.
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const { route, names, re } of compiled) {
    const m = route.method === method ? re.exec(path) : null;
    if (!m) continue;
    try {
      return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
    } catch {
      return undefined; // malformed percent-encoding: no route matches
    }
  }
  return undefined;
}
