import { FerryError } from '../errors/FerryError.js';

/** What went wrong, so callers branch on a word instead of on message text. */
export type GiteaFailure =
  | 'unreachable'
  | 'timeout'
  | 'credentials'
  | 'basic-required'
  | 'scope'
  | 'must-change-password'
  | 'login-prohibited'
  | 'admin-required'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid'
  | 'server'
  | 'bad-response';

/** Extra facts about a failure that a module may act on (never a secret). */
export interface GiteaErrorDetail {
  status?: number;
  /** Scopes the server asked for and the token lacked. */
  missingScopes?: string[];
}

// Every Gitea failure is a FerryError with code GITEA; the reason and status let modules react (re-mint on 'credentials').
export class GiteaError extends FerryError {
  readonly reason: GiteaFailure;
  readonly status?: number;
  readonly missingScopes?: string[];

  constructor(reason: GiteaFailure, message: string, hint?: string, detail: GiteaErrorDetail = {}) {
    super('GITEA', message, {}, hint);
    this.reason = reason;
    this.status = detail.status;
    this.missingScopes = detail.missingScopes;
  }
}
