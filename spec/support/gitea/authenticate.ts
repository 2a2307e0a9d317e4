import type { IncomingHttpHeaders } from 'node:http';
import type { Ctx } from './context.js';
import { apiError, bareMessage, notFound, type Reply } from './replies.js';

/** The credentials a request carries, before they are checked. */
export type Presented = { kind: 'none' } | { kind: 'token'; secret: string } | { kind: 'basic'; user: string; password: string };

// Reads the Authorization header like Gitea's httpauth parser: `token X` or `Bearer X` (any case), or `Basic …`.
export function presentedCredentials(headers: IncomingHttpHeaders): Presented {
  const value = headers.authorization?.trim() ?? '';
  const m = /^(\S+)\s+(.+)$/.exec(value);
  if (!m) return { kind: 'none' };
  const scheme = m[1].toLowerCase();
  if (scheme === 'token' || scheme === 'bearer') return { kind: 'token', secret: m[2].trim() };
  if (scheme !== 'basic') return { kind: 'none' };
  const decoded = Buffer.from(m[2].trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { kind: 'none' };
  return { kind: 'basic', user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}


// Gitea's apiAuth, verifyAuthWithOptions and sudo, which run before routing on every API request.
export function authenticate(ctx: Ctx, presented: Presented, sudoName: string | undefined): Reply | undefined {
  const invalid = apiError(ctx.appUrl, 401, 'invalid username, password or token');
  if (presented.kind === 'token') {
    const token = ctx.state.tokenBySecret(presented.secret);
    const owner = token && ctx.state.users.find((u) => u.id === token.uid);
    if (!token || !owner) return invalid;
    token.lastUsedAt = new Date(); // Gitea bumps updated_unix on every authenticated use
    ctx.token = token;
    ctx.doer = owner;
  } else if (presented.kind === 'basic') {
    const user = ctx.state.user(presented.user);
    if (!user || user.password === undefined || user.password !== presented.password) return invalid;
    ctx.doer = user;
  }
  if (ctx.doer?.prohibitLogin) {
    return bareMessage(403, 'This account is prohibited from signing in, please contact your site administrator.');
  }
  if (ctx.doer?.mustChangePassword) {
    // AppURL ends in "/", so the link really contains "//user".
    return bareMessage(403, `You must change your password. Change it at: ${ctx.appUrl}/user/change_password`);
  }
  return sudoName ? sudo(ctx, sudoName) : undefined;
}

function sudo(ctx: Ctx, name: string): Reply | undefined {
  if (!ctx.doer?.admin) return bareMessage(403, 'Only administrators allowed to sudo.');
  const target = ctx.state.user(name);
  if (!target) return notFound(ctx.appUrl);
  ctx.doer = target; // the acting user changes, the auth method (and a token's scopes) stay
  return undefined;
}
