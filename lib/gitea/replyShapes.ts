import { GiteaError } from './GiteaError.js';
import type { GiteaNewToken, GiteaTeam, GiteaToken, GiteaUser } from './types.js';

type Json = Record<string, unknown>;

// Gitea's answers are checked loosely: the fields ferry uses must be there with the right type, the rest is ignored.
export class ReplyShapes {
  constructor(private readonly what: string) {}

  version(body: unknown): string {
    return this.field(this.object(body, 'version'), 'version', 'string');
  }

  user(body: unknown): GiteaUser {
    const o = this.object(body, 'User');
    return {
      id: this.field(o, 'id', 'number'),
      login: this.field(o, 'login', 'string'),
      ...optional(o, 'full_name', 'string'),
      ...optional(o, 'email', 'string'),
      ...optional(o, 'is_admin', 'boolean'),
      ...optional(o, 'visibility', 'string'),
      ...optional(o, 'active', 'boolean'),
      ...optional(o, 'prohibit_login', 'boolean'),
    };
  }

  team(body: unknown): GiteaTeam {
    const o = this.object(body, 'Team');
    return { id: this.field(o, 'id', 'number'), name: this.field(o, 'name', 'string'), ...optional(o, 'permission', 'string') };
  }

  token(body: unknown): GiteaToken {
    const o = this.object(body, 'AccessToken');
    const scopes = o.scopes;
    if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string')) throw this.bad('AccessToken.scopes is not a list of strings');
    return {
      id: this.field(o, 'id', 'number'),
      name: this.field(o, 'name', 'string'),
      scopes: scopes.filter((s) => s !== ''),
      token_last_eight: this.field(o, 'token_last_eight', 'string'),
      ...optional(o, 'created_at', 'string'),
      ...optional(o, 'last_used_at', 'string'),
    };
  }

  newToken(body: unknown): GiteaNewToken {
    const token = this.token(body);
    const sha1 = this.field(this.object(body, 'AccessToken'), 'sha1', 'string');
    // The value is never quoted: it is the secret.
    if (!/^[0-9a-f]{40}$/.test(sha1)) throw this.bad('the new token is not 40 lowercase hex characters');
    return { ...token, sha1 };
  }

  list<T>(body: unknown, item: (x: unknown) => T): T[] {
    if (!Array.isArray(body)) throw this.bad('expected a JSON list');
    return body.map(item);
  }

  private object(body: unknown, kind: string): Json {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw this.bad(`expected a ${kind} object`);
    return body as Json;
  }

  private field<K extends 'string' | 'number' | 'boolean'>(o: Json, key: string, type: K): TypeOf<K> {
    if (typeof o[key] !== type) throw this.bad(`field "${key}" is missing or not a ${type}`);
    return o[key] as TypeOf<K>;
  }

  private bad(why: string): GiteaError {
    return new GiteaError('bad-response', `${this.what}: unexpected answer from Gitea: ${why}`,
      'check that the URL points at Gitea 1.20 or newer and not at a proxy');
  }
}

type TypeOf<K> = K extends 'string' ? string : K extends 'number' ? number : boolean;

function optional<K extends 'string' | 'number' | 'boolean'>(o: Json, key: string, type: K): Record<string, TypeOf<K>> {
  return typeof o[key] === type ? { [key]: o[key] as TypeOf<K> } : {};
}
