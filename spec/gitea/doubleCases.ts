import { callApi, type ApiRequest } from '../support/gitea/callApi.js';
import type { GiteaDouble } from '../support/gitea/startGiteaDouble.js';

/** The double's site admin in the drift cases. */
export const ADMIN: [string, string] = ['root-admin', 'root-admin-pass'];
/** The organization of the story, with teams ops and dev. */
export const ORG = 'molecule-ai';
const PERSONA: [string, string] = ['ops-automation', 'persona-pass-1'];
const DEV: [string, string] = ['dev-1', 'dev-pass-123'];
const STRANGER: [string, string] = ['stranger', 'stranger-pass-1'];
const NEWBIE: [string, string] = ['newbie', 'newbie-pass-1'];
const BANNED: [string, string] = ['banned', 'banned-pass-1'];
const UNKNOWN_TOKEN = 'f'.repeat(40);

/** The arranged world every case runs in: accounts, team ids and token secrets. */
export interface DriftFixture {
  double: GiteaDouble;
  team: Record<'Owners' | 'ops' | 'dev', number>;
  tok: Record<'readUser' | 'writeUser' | 'repoOnly' | 'newbie' | 'twin', string>;
}

/** One request and what Gitea 1.25.4 answers to it (CONTRACT §0, §1, §6). */
export interface DriftCase {
  title: string;
  status: number;
  message?: string | RegExp;
  req: (f: DriftFixture) => ApiRequest;
}

// Arranges the accounts of the cases through the double's seeding handles and its own API.
export async function driftFixture(double: GiteaDouble): Promise<DriftFixture> {
  for (const [login, password] of [PERSONA, DEV, STRANGER]) double.seedUser({ login, password });
  double.seedUser({ login: NEWBIE[0], password: NEWBIE[1], must_change_password: true });
  double.seedUser({ login: BANNED[0], password: BANNED[1], prohibit_login: true });
  const teams = await callApi(double.url, { method: 'GET', path: `/orgs/${ORG}/teams`, auth: { basic: ADMIN } });
  const team = Object.fromEntries((teams.body as Array<{ name: string; id: number }>).map((t) => [t.name, t.id])) as DriftFixture['team'];
  for (const [user, t] of [[PERSONA[0], team.ops], [DEV[0], team.dev]] as const) {
    await callApi(double.url, { method: 'PUT', path: `/teams/${t}/members/${user}`, auth: { basic: ADMIN } });
  }
  const tok = {
    readUser: double.seedToken(PERSONA[0], 'read-user', ['read:user']),
    writeUser: double.seedToken(PERSONA[0], 'write-user', ['write:user']),
    repoOnly: double.seedToken(PERSONA[0], 'repo-only', ['read:repository']),
    newbie: double.seedToken(NEWBIE[0], 'newbie-all', ['all']),
    twin: double.seedToken(STRANGER[0], 'twin', ['read:user']),
  };
  double.seedToken(STRANGER[0], 'twin', ['read:user']); // a duplicate name, as a race in Gitea can leave
  double.seedToken(PERSONA[0], 'by-id', ['read:user']);
  double.seedToken(PERSONA[0], 'by-name', ['read:user']);
  return { double, team, tok };
}

const tokenId = (f: DriftFixture, login: string, name: string) => f.double.tokens(login).find((t) => t.name === name)?.id ?? 0;
const get = (path: string, auth?: ApiRequest['auth'], sudo?: string): ApiRequest => ({ method: 'GET', path, auth, sudo });
const basic = (who: [string, string]) => ({ basic: who });
const newUser = (username: string, email: string, password = 'created-pass-1') => ({ username, email, password, must_change_password: false });
const scopeMsg = (required: string, has: string) => `token does not have at least one of required scope(s), required=[${required}], token scope=${has}`;
const tokensOf = (u: string) => `/users/${u}/tokens`;

// Every route with its successes and failures, in order: later cases see what earlier ones created.
export const DRIFT_CASES: DriftCase[] = [
  { title: 'version, anonymous', status: 200, req: () => get('/version') },
  { title: 'version with an unknown token', status: 401, message: 'invalid username, password or token', req: () => get('/version', { token: UNKNOWN_TOKEN }) },
  { title: 'version, admin sudo to nobody', status: 404, message: 'not found', req: () => get('/version', basic(ADMIN), 'nobody') },
  { title: 'user with a read:user token', status: 200, req: (f) => get('/user', { token: f.tok.readUser }) },
  { title: 'user with a Bearer token', status: 200, req: (f) => get('/user', { header: `Bearer ${f.tok.readUser}` }) },
  { title: 'user without credentials', status: 401, message: 'token is required', req: () => get('/user') },
  { title: 'user with a token lacking read:user', status: 403, message: scopeMsg('read:user', 'read:repository'), req: (f) => get('/user', { token: f.tok.repoOnly }) },
  { title: 'user, token of a must_change_password account', status: 403, message: /^You must change your password\. Change it at: http:\/\/127\.0\.0\.1:\d+\/\/user\/change_password$/, req: (f) => get('/user', { token: f.tok.newbie }) },
  { title: 'user, admin sudo to the persona', status: 200, req: () => get('/user', basic(ADMIN), PERSONA[0]) },
  { title: 'user, non-admin sudo', status: 403, message: 'Only administrators allowed to sudo.', req: () => get('/user', basic(PERSONA), ADMIN[0]) },
  { title: 'user, prohibited account', status: 403, message: 'This account is prohibited from signing in, please contact your site administrator.', req: () => get('/user', basic(BANNED)) },
  { title: 'users/{u}, anonymous', status: 200, req: () => get(`/users/${PERSONA[0]}`) },
  { title: 'users/{u}, unknown user', status: 404, message: 'user redirect does not exist [name: no-such-user]', req: () => get('/users/No-Such-User') },
  { title: 'users/{u}, token lacking read:user', status: 403, message: scopeMsg('read:user', 'read:repository'), req: (f) => get(`/users/${PERSONA[0]}`, { token: f.tok.repoOnly }) },
  { title: 'admin creates a user', status: 201, req: () => ({ method: 'POST', path: '/admin/users', auth: basic(ADMIN), body: newUser('created-1', 'c1@example.test') }) },
  { title: 'admin creates the same name', status: 422, message: 'user already exists [name: Created-1]', req: () => ({ method: 'POST', path: '/admin/users', auth: basic(ADMIN), body: newUser('Created-1', 'c2@example.test') }) },
  { title: 'admin creates a used e-mail', status: 422, message: 'e-mail already in use [email: c1@example.test]', req: () => ({ method: 'POST', path: '/admin/users', auth: basic(ADMIN), body: newUser('created-2', 'c1@example.test') }) },
  { title: 'admin creates without username', status: 422, message: '[Username]: Required', req: () => ({ method: 'POST', path: '/admin/users', auth: basic(ADMIN), body: { email: 'c3@example.test', password: 'created-pass-1' } }) },
  { title: 'admin creates with a short password', status: 400, message: 'PasswordIsRequired', req: () => ({ method: 'POST', path: '/admin/users', auth: basic(ADMIN), body: newUser('created-3', 'c3@example.test', 'short') }) },
  { title: 'admin creates a reserved name', status: 422, message: 'name is reserved [name: admin]', req: () => ({ method: 'POST', path: '/admin/users', auth: basic(ADMIN), body: newUser('admin', 'c4@example.test') }) },
  { title: 'non-admin creates a user', status: 403, message: 'user should be the site admin', req: () => ({ method: 'POST', path: '/admin/users', auth: basic(PERSONA), body: newUser('created-5', 'c5@example.test') }) },
  { title: 'anonymous creates a user', status: 401, message: 'token is required', req: () => ({ method: 'POST', path: '/admin/users', body: newUser('created-6', 'c6@example.test') }) },
  { title: 'admin with a wrong password', status: 401, message: 'invalid username, password or token', req: () => ({ method: 'POST', path: '/admin/users', auth: { basic: [ADMIN[0], 'wrong-password'] }, body: newUser('created-7', 'c7@example.test') }) },
  { title: 'org teams, admin', status: 200, req: () => get(`/orgs/${ORG}/teams`, basic(ADMIN)) },
  { title: 'org teams, org member', status: 200, req: () => get(`/orgs/${ORG}/teams`, basic(DEV)) },
  { title: 'org teams, unknown org', status: 404, message: 'GetOrgByName', req: () => get('/orgs/no-such-org/teams', basic(ADMIN)) },
  { title: 'org teams, not a member', status: 403, message: 'Must be an organization member', req: () => get(`/orgs/${ORG}/teams`, basic(STRANGER)) },
  { title: 'org teams, token lacking read:organization', status: 403, message: scopeMsg('read:organization', 'read:user'), req: (f) => get(`/orgs/${ORG}/teams`, { token: f.tok.readUser }) },
  { title: 'team member, is one', status: 200, req: (f) => get(`/teams/${f.team.ops}/members/${PERSONA[0]}`, basic(ADMIN)) },
  { title: 'team member, is not', status: 404, message: 'not found', req: (f) => get(`/teams/${f.team.ops}/members/${DEV[0]}`, basic(ADMIN)) },
  { title: 'team member, unknown team', status: 404, message: 'not found', req: () => get(`/teams/9999/members/${PERSONA[0]}`, basic(ADMIN)) },
  { title: 'team member, unknown user', status: 404, message: 'GetUserByName', req: (f) => get(`/teams/${f.team.ops}/members/ghost-user`, basic(ADMIN)) },
  { title: 'team member, asked by a member of another team', status: 403, message: 'Must be a team member', req: (f) => get(`/teams/${f.team.ops}/members/${PERSONA[0]}`, basic(DEV)) },
  { title: 'team member, asked by a stranger', status: 404, message: 'not found', req: (f) => get(`/teams/${f.team.ops}/members/${PERSONA[0]}`, basic(STRANGER)) },
  { title: 'add team member', status: 204, req: (f) => ({ method: 'PUT', path: `/teams/${f.team.dev}/members/${STRANGER[0]}`, auth: basic(ADMIN) }) },
  { title: 'add team member again (idempotent)', status: 204, req: (f) => ({ method: 'PUT', path: `/teams/${f.team.dev}/members/${STRANGER[0]}`, auth: basic(ADMIN) }) },
  { title: 'add unknown user', status: 404, message: 'GetUserByName', req: (f) => ({ method: 'PUT', path: `/teams/${f.team.dev}/members/ghost-user`, auth: basic(ADMIN) }) },
  { title: 'add to unknown team', status: 404, message: 'not found', req: () => ({ method: 'PUT', path: `/teams/9999/members/${STRANGER[0]}`, auth: basic(ADMIN) }) },
  { title: 'add by a team member who is no owner', status: 404, message: 'not found', req: (f) => ({ method: 'PUT', path: `/teams/${f.team.ops}/members/${DEV[0]}`, auth: basic(PERSONA) }) },
  { title: 'add with a token lacking write:organization', status: 403, message: scopeMsg('write:organization', 'read:user'), req: (f) => ({ method: 'PUT', path: `/teams/${f.team.ops}/members/${DEV[0]}`, auth: { token: f.tok.readUser } }) },
  { title: 'list tokens, admin for the persona', status: 200, req: () => get(tokensOf(PERSONA[0]), basic(ADMIN)) },
  { title: 'list tokens, own password, one per page', status: 200, req: () => get(`${tokensOf(PERSONA[0])}?limit=1&page=2`, basic(PERSONA)) },
  { title: 'list tokens with a token', status: 401, message: 'auth required', req: (f) => get(tokensOf(PERSONA[0]), { token: f.tok.readUser }) },
  { title: 'list tokens with a token lacking read:user', status: 403, message: scopeMsg('read:user', 'read:repository'), req: (f) => get(tokensOf(PERSONA[0]), { token: f.tok.repoOnly }) },
  { title: 'list tokens of someone else', status: 403, message: 'doer should be the site admin or be same as the contextUser', req: () => get(tokensOf(PERSONA[0]), basic(STRANGER)) },
  { title: 'list tokens without credentials', status: 403, message: 'doer should be the site admin or be same as the contextUser', req: () => get(tokensOf(PERSONA[0])) },
  { title: 'list tokens of an unknown user', status: 404, message: 'user redirect does not exist [name: ghost-user]', req: () => get(tokensOf('ghost-user'), basic(ADMIN)) },
  { title: 'create token, admin for the persona', status: 201, req: () => ({ method: 'POST', path: tokensOf(PERSONA[0]), auth: basic(ADMIN), body: { name: 'ops-20260101t1200', scopes: ['read:user', 'write:repository'] } }) },
  { title: 'create token, used name', status: 400, message: 'access token name has been used already', req: () => ({ method: 'POST', path: tokensOf(PERSONA[0]), auth: basic(ADMIN), body: { name: 'ops-20260101t1200', scopes: ['read:user'] } }) },
  { title: 'create token, unknown scope', status: 400, message: 'invalid access token scope provided: invalid access token scope: x', req: () => ({ method: 'POST', path: tokensOf(PERSONA[0]), auth: basic(ADMIN), body: { name: 'bad-scope', scopes: ['x'] } }) },
  { title: 'create token, no scopes', status: 400, message: 'access token must have a scope', req: () => ({ method: 'POST', path: tokensOf(PERSONA[0]), auth: basic(ADMIN), body: { name: 'no-scope', scopes: [] } }) },
  { title: 'create token, no name', status: 422, message: '[Name]: Required', req: () => ({ method: 'POST', path: tokensOf(PERSONA[0]), auth: basic(ADMIN), body: { scopes: ['read:user'] } }) },
  { title: 'create token with a write:user token', status: 401, message: 'auth required', req: (f) => ({ method: 'POST', path: tokensOf(PERSONA[0]), auth: { token: f.tok.writeUser }, body: { name: 'via-token', scopes: ['read:user'] } }) },
  { title: 'create token, wrong password', status: 401, message: 'invalid username, password or token', req: () => ({ method: 'POST', path: tokensOf(PERSONA[0]), auth: { basic: [PERSONA[0], 'nope-nope'] }, body: { name: 'bad-pw', scopes: ['read:user'] } }) },
  { title: 'create token for someone else', status: 403, message: 'doer should be the site admin or be same as the contextUser', req: () => ({ method: 'POST', path: tokensOf(PERSONA[0]), auth: basic(STRANGER), body: { name: 'theirs', scopes: ['read:user'] } }) },
  { title: 'create token, must_change_password account', status: 403, message: /^You must change your password/, req: () => ({ method: 'POST', path: tokensOf(NEWBIE[0]), auth: basic(NEWBIE), body: { name: 'mine', scopes: ['read:user'] } }) },
  { title: 'delete token by id', status: 204, req: (f) => ({ method: 'DELETE', path: `${tokensOf(PERSONA[0])}/${tokenId(f, PERSONA[0], 'by-id')}`, auth: basic(ADMIN) }) },
  { title: 'delete token by name', status: 204, req: () => ({ method: 'DELETE', path: `${tokensOf(PERSONA[0])}/by-name`, auth: basic(PERSONA) }) },
  { title: 'delete an absent token', status: 404, message: 'not found', req: () => ({ method: 'DELETE', path: `${tokensOf(PERSONA[0])}/by-name`, auth: basic(ADMIN) }) },
  { title: "delete another user's token id", status: 404, message: 'not found', req: (f) => ({ method: 'DELETE', path: `${tokensOf(PERSONA[0])}/${tokenId(f, STRANGER[0], 'twin')}`, auth: basic(ADMIN) }) },
  { title: 'delete a duplicated name', status: 422, message: "multiple matches for token name 'twin'", req: () => ({ method: 'DELETE', path: `${tokensOf(STRANGER[0])}/twin`, auth: basic(ADMIN) }) },
  { title: 'delete with a token', status: 401, message: 'auth required', req: (f) => ({ method: 'DELETE', path: `${tokensOf(PERSONA[0])}/read-user`, auth: { token: f.tok.writeUser } }) },
  { title: "delete someone else's token", status: 403, message: 'doer should be the site admin or be same as the contextUser', req: () => ({ method: 'DELETE', path: `${tokensOf(PERSONA[0])}/read-user`, auth: basic(STRANGER) }) },
];
