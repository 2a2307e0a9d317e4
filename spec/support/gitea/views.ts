import type { TeamRow, TokenRow, UserRow } from './records.js';

/** Go's zero time, which Gitea prints for timestamps it has not set. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** Unix-second timestamps printed the way Go's encoding/json prints them. */
export function goTime(d: Date): string {
  return new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

// Gitea's convert.ToUser: the account itself and admins see private fields, others get zero values.
export function userJson(u: UserRow, doer: UserRow | undefined, appUrl: string): Record<string, unknown> {
  const authed = doer !== undefined && (doer.id === u.id || doer.admin);
  return {
    id: u.id,
    login: u.login,
    login_name: '',
    source_id: 0,
    full_name: u.fullName,
    email: doer ? u.email : `${u.login.toLowerCase()}@noreply.localhost`,
    avatar_url: `${appUrl}avatars/${u.id}`,
    html_url: `${appUrl}${u.login}`,
    language: '',
    is_admin: authed && u.admin,
    last_login: authed ? goTime(new Date(0)) : GO_ZERO_TIME,
    created: goTime(u.created),
    restricted: u.restricted,
    active: authed,
    prohibit_login: authed && u.prohibitLogin,
    location: '',
    website: '',
    description: '',
    visibility: u.visibility,
    followers_count: 0,
    following_count: 0,
    starred_repos_count: 0,
    username: u.login,
  };
}

const UNITS = ['repo.code', 'repo.issues', 'repo.ext_issues', 'repo.wiki', 'repo.ext_wiki', 'repo.pulls', 'repo.releases', 'repo.projects', 'repo.packages', 'repo.actions'];

// Gitea's convert.ToTeams as ListTeams calls it: without loading the organization, so `organization` is null.
export function teamJson(t: TeamRow): Record<string, unknown> {
  const mode = t.owners ? 'owner' : 'write';
  return {
    id: t.id,
    name: t.name,
    description: '',
    organization: null,
    includes_all_repositories: t.owners,
    permission: mode,
    units: UNITS,
    units_map: Object.fromEntries(UNITS.map((u) => [u, u.startsWith('repo.ext_') ? 'read' : mode])),
    can_create_org_repo: t.owners,
  };
}

// A listed token: never the secret (`sha1` is empty); last_used_at is Gitea's updated_unix, which starts at creation.
export function tokenJson(t: TokenRow): Record<string, unknown> {
  return {
    id: t.id,
    name: t.name,
    sha1: '',
    token_last_eight: t.last8,
    scopes: t.scopes,
    created_at: goTime(t.created),
    last_used_at: goTime(t.lastUsedAt ?? t.created),
  };
}

// The 201 answer of token creation: the only time the secret is shown; Gitea leaves both timestamps unset there.
export function newTokenJson(t: TokenRow, secret: string): Record<string, unknown> {
  return { ...tokenJson(t), sha1: secret, created_at: GO_ZERO_TIME, last_used_at: GO_ZERO_TIME };
}
