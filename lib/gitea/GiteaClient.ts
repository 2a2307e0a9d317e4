import { Redactor } from '../secrets/Redactor.js';
import { buildAuthHeaders, pickAuthorization, type AuthHeaders, type AuthPreference } from './authorization.js';
import { errorFromReply } from './errorFromReply.js';
import { GiteaError } from './GiteaError.js';
import { readsAsTokenId } from './goParseInt.js';
import { giteaRequest, type GiteaCall, type GiteaReply } from './giteaRequest.js';
import { ReplyShapes } from './replyShapes.js';
import type { CreateGiteaUser, GiteaClientOptions, GiteaNewToken, GiteaTeam, GiteaToken, GiteaUser } from './types.js';

/** Largest page Gitea serves by default (MAX_RESPONSE_ITEMS). */
const PAGE_SIZE = 50;
/** A listing longer than this many pages means the server is misbehaving, not that the user has 50 000 tokens. */
const MAX_PAGES = 1000;

interface Send extends Omit<GiteaCall, 'authorization'> {
  auth: AuthPreference;
  /** Statuses that are answers, not failures. */
  ok: number[];
}

// The subset of the Gitea API that persona work needs, typed, with every failure turned into one GiteaError.
export class GiteaClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly redactor = new Redactor();
  private readonly headers: AuthHeaders;

  constructor(opts: GiteaClientOptions) {
    this.baseUrl = normalizeBaseUrl(opts.url);
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.headers = buildAuthHeaders(opts.auth, this.redactor);
  }

  async version(): Promise<string> {
    const { body, shapes } = await this.send({ method: 'GET', path: '/version', auth: 'none', ok: [200] });
    return shapes.version(body);
  }

  /** The account the client's credentials authenticate as (`GET /user`). */
  async currentUser(): Promise<GiteaUser> {
    const { body, shapes } = await this.send({ method: 'GET', path: '/user', auth: 'token-first', ok: [200] });
    return shapes.user(body);
  }

  /** A user by login, or undefined when Gitea does not know it. */
  async user(name: string): Promise<GiteaUser | undefined> {
    const { status, body, shapes } = await this.send({ method: 'GET', path: `/users/${seg(name)}`, auth: 'token-first', ok: [200, 404] });
    return status === 404 ? undefined : shapes.user(body);
  }

  async createUser(o: CreateGiteaUser): Promise<GiteaUser> {
    if (typeof o.must_change_password !== 'boolean') {
      throw new GiteaError('invalid', `creating Gitea user "${o.username}" needs must_change_password set explicitly`,
        'pass must_change_password: false for a service account; Gitea defaults it to true, which makes its tokens answer 403');
    }
    const body = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const reply = await this.send({ method: 'POST', path: '/admin/users', auth: 'basic-first', body, ok: [201] });
    return reply.shapes.user(reply.body);
  }

  async orgTeams(org: string): Promise<GiteaTeam[]> {
    return this.allPages(`/orgs/${seg(org)}/teams`, (shapes, x) => shapes.team(x));
  }

  async isTeamMember(teamId: number, user: string): Promise<boolean> {
    const path = `/teams/${teamId}/members/${seg(user)}`;
    const { status } = await this.send({ method: 'GET', path, auth: 'basic-first', ok: [200, 404] });
    return status === 200;
  }

  /** Idempotent: Gitea answers 204 whether or not the user was a member already. */
  async addTeamMember(teamId: number, user: string): Promise<void> {
    await this.send({ method: 'PUT', path: `/teams/${teamId}/members/${seg(user)}`, auth: 'basic-first', ok: [204] });
  }

  /** Every token of a user, all pages, newest first (needs Basic auth). */
  async listTokens(user: string): Promise<GiteaToken[]> {
    return this.allPages(`/users/${seg(user)}/tokens`, (shapes, x) => shapes.token(x));
  }

  /** Mints a token (needs Basic auth); the returned `sha1` is the secret, shown this once. */
  async createToken(user: string, name: string, scopes: string[]): Promise<GiteaNewToken> {
    const path = `/users/${seg(user)}/tokens`;
    const reply = await this.send({ method: 'POST', path, auth: 'basic-first', body: { name, scopes }, ok: [201] });
    const token = reply.shapes.newToken(reply.body);
    this.redactor.add(token.sha1);
    return token;
  }

  /** Deletes by numeric id (preferred) or by name; a name Gitea would read as a number is refused. */
  async deleteToken(user: string, idOrName: number | string): Promise<void> {
    if (typeof idOrName === 'number' && !(Number.isSafeInteger(idOrName) && idOrName > 0)) {
      throw new GiteaError('invalid', `${idOrName} is not a token id`, 'token ids are positive integers from listTokens()');
    }
    if (typeof idOrName === 'string' && readsAsTokenId(idOrName)) {
      throw new GiteaError('invalid', `token name "${idOrName}" reads as a number, so Gitea would delete the token with that id instead`,
        'delete it by its numeric id from listTokens()');
    }
    const path = `/users/${seg(user)}/tokens/${seg(String(idOrName))}`;
    await this.send({ method: 'DELETE', path, auth: 'basic-first', ok: [204] });
  }

  private async allPages<T>(path: string, item: (shapes: ReplyShapes, x: unknown) => T): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const reply = await this.send({ method: 'GET', path, query: { page, limit: PAGE_SIZE }, auth: 'basic-first', ok: [200] });
      const items = reply.shapes.list(reply.body, (x) => item(reply.shapes, x));
      out.push(...items);
      const total = reply.headers.get('x-total-count');
      // The server may cap pages below PAGE_SIZE, so the total decides when it says one.
      const done = total === null ? items.length < PAGE_SIZE : out.length >= Number(total);
      if (done || items.length === 0) return out;
    }
    throw new GiteaError('bad-response', `GET ${this.baseUrl}api/v1${path}: Gitea kept answering pages after ${MAX_PAGES}`, 'check the server');
  }

  private async send(s: Send): Promise<GiteaReply & { shapes: ReplyShapes }> {
    const { auth, ok, ...call } = s;
    const reply = await giteaRequest(this.baseUrl, { ...call, authorization: pickAuthorization(this.headers, auth) }, this.timeoutMs);
    const what = `${s.method} ${this.baseUrl}api/v1${s.path}`;
    if (!ok.includes(reply.status)) throw errorFromReply(reply, { what, redactor: this.redactor });
    return { ...reply, shapes: new ReplyShapes(what) };
  }
}

/** One path segment, encoded. */
function seg(value: string): string {
  return encodeURIComponent(value);
}

function normalizeBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GiteaError('invalid', 'the Gitea URL is not a valid URL', 'write it like https://git.example.com');
  }
  if (parsed.username || parsed.password) {
    throw new GiteaError('invalid', 'the Gitea URL carries credentials', 'put them in the auth settings, not in the URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new GiteaError('invalid', `the Gitea URL must use http or https, not ${parsed.protocol}`, 'write it like https://git.example.com');
  }
  parsed.search = '';
  parsed.hash = '';
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.toString();
}
