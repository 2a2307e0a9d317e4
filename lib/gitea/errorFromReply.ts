import type { Redactor } from '../secrets/Redactor.js';
import { GiteaError, type GiteaFailure } from './GiteaError.js';
import type { GiteaReply } from './giteaRequest.js';

/** The request a failure belongs to, for the message. */
export interface FailedCall {
  /** `METHOD url` of the request. */
  what: string;
  /** Masks every credential the client holds, in case a server echoes one. */
  redactor: Redactor;
}

// Turns a Gitea error answer into one GiteaError whose message says what it means and whose hint says what to do.
export function errorFromReply(reply: GiteaReply, call: FailedCall): GiteaError {
  const serverText = call.redactor.mask(messageOf(reply.body));
  const e: Make = (reason, meaning, hint, missingScopes) =>
    new GiteaError(reason, call.redactor.mask(`${call.what}: ${meaning}`), hint, { status: reply.status, missingScopes });
  const { status } = reply;

  if (status === 401 && serverText === 'auth required') {
    return e('basic-required', 'Gitea accepts only Basic auth on its token endpoints, not a token',
      'give ferry Basic credentials (an admin user and password, or the account\'s own password) for listing, minting and deleting tokens');
  }
  if (status === 401 && serverText === 'token is required') {
    return e('credentials', 'Gitea needs credentials for this call and none were sent', 'configure a Gitea token or Basic credentials');
  }
  if (status === 401) {
    return e('credentials', 'Gitea rejected the credentials (token revoked, deleted or wrong)',
      'check the token or password ferry sends; a deleted token cannot come back, so mint a new one');
  }
  if (status === 403) return forbidden(serverText, e);
  if (status === 404) {
    return e('not-found', `Gitea found no such object (${serverText || 'not found'})`, 'check the names and IDs in the task');
  }
  if (status === 400 || status === 422) return refused(serverText, e);
  if (status >= 500) {
    return e('server', `Gitea failed with HTTP ${status}${serverText ? ` (${serverText})` : ''}`, 'look at the Gitea server log; retry once it is healthy');
  }
  return e('bad-response', `Gitea answered an unexpected HTTP ${status}${serverText ? ` (${serverText})` : ''}`,
    'check that the URL points at a Gitea 1.20 or newer');
}

type Make = (reason: GiteaFailure, meaning: string, hint: string, missingScopes?: string[]) => GiteaError;

function forbidden(text: string, e: Make): GiteaError {
  const scope = /required=\[([^\]]*)\]/.exec(text) ?? /required scope\(s\): \[([^\]]*)\]/.exec(text);
  if (scope) {
    const missing = scope[1].split(/[\s,]+/).filter(Boolean);
    return e('scope', `the token lacks the scope(s) ${missing.join(', ')} that Gitea requires here`,
      `use a token minted with ${missing.join(', ')} (or wider)`, missing);
  }
  if (text.startsWith('You must change your password')) {
    return e('must-change-password', 'must_change_password is set on the Gitea account, so Gitea refuses every call made with its password or tokens',
      'clear it: `gitea admin user must-change-password --unset <user>` on the Gitea host, or PATCH /api/v1/admin/users/<user> with must_change_password=false');
  }
  if (text === 'user should be the site admin') {
    return e('admin-required', 'this call needs a Gitea site admin', 'use the credentials of a Gitea site administrator');
  }
  if (text.startsWith('doer should be the site admin')) {
    return e('admin-required', 'only the account itself or a site admin may manage its tokens',
      'use that account\'s own Basic credentials or a site admin\'s');
  }
  if (text.startsWith('This account is prohibited from signing in')) {
    return e('login-prohibited', 'the Gitea account is prohibited from signing in (prohibit_login or inactive), which blocks its tokens too',
      'clear prohibit_login on the account or use another one');
  }
  return e('forbidden', `Gitea refused the call (${text || 'forbidden'})`, 'check the permissions of the Gitea account ferry uses');
}

function refused(text: string, e: Make): GiteaError {
  const known: Array<[RegExp, string]> = [
    [/^access token name has been used already/, 'token names are unique per user: pick a new, time-stamped name'],
    [/^invalid access token scope/, 'use scopes Gitea knows: all, public-only, read:/write: plus a category'],
    [/^access token must have a scope/, 'ask for at least one scope'],
    [/^PasswordIsRequired/, 'give a password of at least MIN_PASSWORD_LENGTH (8 by default) characters'],
    [/^PasswordComplexity|^PasswordPwned/, 'choose a stronger password'],
    [/^user already exists/, 'the user exists already: look it up instead of creating it'],
    [/^e-mail already in use/, 'another account uses this e-mail address: choose a different one'],
    [/^multiple matches for token name/, 'several tokens share this name: delete by numeric id from the listing'],
  ];
  const hint = known.find(([re]) => re.test(text))?.[1] ?? 'fix the request values named in the message';
  const reason = /already|multiple matches/.test(text) ? 'conflict' : 'invalid';
  return e(reason, `Gitea refused the request: ${text || 'no reason given'}`, hint);
}

function messageOf(body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message;
  return '';
}
