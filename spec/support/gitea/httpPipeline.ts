import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, presentedCredentials } from './authenticate.js';
import type { AuthKind, Ctx } from './context.js';
import type { GiteaState } from './GiteaState.js';
import { notFound, type Reply } from './replies.js';
import { matchRoute } from './routeTable.js';

// The request pipeline: auth for every path first (as Gitea does before routing), then the route's own guards.
export function answer(state: GiteaState, appUrl: string, req: IncomingMessage, raw: string): { reply: Reply; route?: string; auth: AuthKind } {
  const url = new URL(req.url ?? '/', appUrl);
  const presented = presentedCredentials(req.headers);
  const { body, bodyError } = parseBody(req, raw);
  const ctx: Ctx = { state, appUrl, method: req.method ?? 'GET', params: {}, query: url.searchParams, body, bodyError, auth: presented.kind };
  const match = url.pathname.startsWith('/api/v1/') ? matchRoute(ctx.method, url.pathname.slice('/api/v1'.length)) : undefined;
  const route = match?.route.path;
  const sudo = url.searchParams.get('sudo') || header(req, 'sudo');
  const denied = authenticate(ctx, presented, sudo);
  if (denied) return { reply: denied, route, auth: ctx.auth };
  if (!match) return { reply: notFound(appUrl), auth: ctx.auth };
  ctx.params = match.params;
  for (const guard of match.route.guards) {
    const stop = guard(ctx);
    if (stop) return { reply: stop, route, auth: ctx.auth };
  }
  return { reply: match.route.handle(ctx), route, auth: ctx.auth };
}

function parseBody(req: IncomingMessage, raw: string): { body: unknown; bodyError?: string } {
  if (raw.trim() === '') return { body: undefined };
  // Without a JSON content type Gitea binds a form, which leaves every JSON field empty.
  if (!(req.headers['content-type'] ?? '').includes('json')) return { body: {} };
  try {
    return { body: JSON.parse(raw) as unknown };
  } catch (err) {
    return { body: undefined, bodyError: err instanceof Error ? err.message : 'invalid JSON' };
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The request path without its query string, for the log. */
export function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0];
}

/** The whole request body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Writes a reply: JSON with Gitea's content type, or an empty body (204). */
export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  headers['Content-Type'] = 'application/json;charset=utf-8';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}
