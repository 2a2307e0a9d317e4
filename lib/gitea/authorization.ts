import type { Redactor } from '../secrets/Redactor.js';
import { GiteaError } from './GiteaError.js';
import type { GiteaAuth } from './types.js';

/** Which credential a call sends when the client holds both. */
export type AuthPreference = 'none' | 'token-first' | 'basic-first';

/** The Authorization header values a client can send, built once. */
export interface AuthHeaders {
  token?: string;
  basic?: string;
}

// Checks the credentials once and registers every form of them with the redactor, so no message can carry them.
export function buildAuthHeaders(auth: GiteaAuth | undefined, redactor: Redactor): AuthHeaders {
  const headers: AuthHeaders = {};
  const token = auth?.token?.trim();
  if (token !== undefined && token !== '') {
    redactor.add(token);
    if (!/^[\x21-\x7e]+$/.test(token)) {
      throw new GiteaError('invalid', 'the Gitea token contains spaces or control characters', 'store the token alone, on one line');
    }
    headers.token = `token ${token}`;
  }
  if (auth?.basic) {
    const { user, password } = auth.basic;
    redactor.add(password);
    if (user.includes(':')) {
      throw new GiteaError('invalid', `the Gitea user name "${user}" contains ":"`, 'Basic auth cannot carry a user name with ":"');
    }
    const encoded = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
    redactor.add(encoded);
    headers.basic = `Basic ${encoded}`;
  }
  return headers;
}

// Picks the header for one call; a client with a single credential sends it whatever the preference.
export function pickAuthorization(headers: AuthHeaders, prefer: AuthPreference): string | undefined {
  if (prefer === 'none') return undefined;
  return prefer === 'token-first' ? headers.token ?? headers.basic : headers.basic ?? headers.token;
}
