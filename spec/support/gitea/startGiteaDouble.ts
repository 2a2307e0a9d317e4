import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normalizeScopes } from '../../../lib/gitea/scopes.js';
import type { AuthKind } from './context.js';
import { GiteaState } from './GiteaState.js';
import { answer, pathOf, readBody, send } from './httpPipeline.js';

/** The site admin a double gets when the spec names none. */
export const DEFAULT_ADMIN = { user: 'gitea-admin', password: 'admin-password-1' };

/** One request as the double saw it: never a credential, only how the caller authenticated. */
export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Swagger path template of the route the path matched (below /api/v1), if any. */
  route?: string;
  status: number;
  auth: AuthKind;
}

/** A running Gitea double and the handles specs use to arrange and inspect it. */
export interface GiteaDouble {
  /** `http://127.0.0.1:PORT`, reachable from the SSH test hosts too (they share the network namespace). */
  url: string;
  /** An existing account; unlike POST /admin/users, must_change_password defaults to false here. */
  seedUser(u: { login: string; password?: string; admin?: boolean; must_change_password?: boolean; prohibit_login?: boolean; email?: string }): void;
  /** A token created out of band; duplicate names are allowed, as a race in Gitea can leave them. Returns the secret. */
  seedToken(login: string, name: string, scopes: string[], opts?: { lastUsedAt?: Date }): string;
  /** Deletes a token by its secret, as a direct DB delete would. */
  revokeToken(secret: string): void;
  /** Accounts with their team memberships as `org/team`. */
  users(): Array<{ login: string; must_change_password: boolean; teams: string[] }>;
  tokens(login: string): Array<{ id: number; name: string; last8: string; scopes: string[]; lastUsedAt: Date | null }>;
  requests: LoggedRequest[];
  stop(): Promise<void>;
}

// An in-process Gitea 1.25.4 answering the API subset persona work needs, with its status codes and bodies.
export async function startGiteaDouble(opts: {
  admin?: { user: string; password: string };
  orgs?: Array<{ name: string; teams: string[] }>;
} = {}): Promise<GiteaDouble> {
  const state = new GiteaState();
  const admin = opts.admin ?? DEFAULT_ADMIN;
  const adminRow = state.addUser({ login: admin.user, password: admin.password, admin: true });
  for (const org of opts.orgs ?? []) state.addOrg(org.name, org.teams, adminRow.id);
  const requests: LoggedRequest[] = [];
  let appUrl = '';

  const server = createServer((req, res) => {
    readBody(req)
      .then((raw) => {
        const { reply, route, auth } = answer(state, appUrl, req, raw);
        requests.push({ method: req.method ?? '', path: pathOf(req), route, status: reply.status, auth });
        send(res, reply);
      })
      .catch((err: unknown) => {
        // A bug in the double, not Gitea behaviour: the 500 makes the drift check fail loudly.
        requests.push({ method: req.method ?? '', path: pathOf(req), status: 500, auth: 'none' });
        res.writeHead(500).end(String(err));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  appUrl = `http://127.0.0.1:${port}/`;

  const userOrThrow = (login: string) => {
    const u = state.user(login);
    if (!u) throw new Error(`gitea double: no user ${login}`);
    return u;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    seedUser: (u) => {
      if (state.nameTaken(u.login)) throw new Error(`gitea double: ${u.login} exists already`);
      state.addUser({
        login: u.login,
        password: u.password,
        admin: u.admin ?? false,
        mustChangePassword: u.must_change_password ?? false,
        prohibitLogin: u.prohibit_login ?? false,
        ...(u.email ? { email: u.email } : {}),
      });
    },
    seedToken: (login, name, scopes, o) => state.mintToken(userOrThrow(login).id, name, normalizeScopes(scopes), o?.lastUsedAt ?? null).secret,
    revokeToken: (secret) => {
      const row = state.tokenBySecret(secret);
      if (!row) throw new Error('gitea double: no token with that secret');
      state.deleteToken(row.id);
    },
    users: () =>
      state.users.map((u) => ({
        login: u.login,
        must_change_password: u.mustChangePassword,
        teams: state.teams.filter((t) => t.members.has(u.id)).map((t) => `${state.orgs.find((o) => o.id === t.orgId)?.name}/${t.name}`),
      })),
    tokens: (login) =>
      state.tokensOf(userOrThrow(login).id).map((t) => ({ id: t.id, name: t.name, last8: t.last8, scopes: t.scopes, lastUsedAt: t.lastUsedAt })),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
