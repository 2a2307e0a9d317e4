import { sameScopes } from '../../gitea/scopes.js';
import type { GiteaToken } from '../../gitea/types.js';
import type { StoredToken, TokenIdentity } from './tokenFileTypes.js';

/** What the stored token is checked against. */
export interface TokenWanted {
  persona: string;
  tokenName: string;
  scopes: string[];
}

// Why the stored token cannot stay, in the words a change summary uses; undefined when it is the right one.
export function mintReason(stored: StoredToken, identity: TokenIdentity, entry: GiteaToken | undefined, want: TokenWanted): string | undefined {
  if (stored.kind === 'none') return 'missing';
  if (stored.kind === 'garbage') return 'the file holds no token';
  const fp = stored.fingerprint;
  if (identity.kind === 'rejected') return `${fp} revoked or unknown to Gitea`;
  if (identity.kind === 'user' && identity.login.toLowerCase() !== want.persona.toLowerCase()) return `${fp} belongs to ${identity.login}`;
  if (identity.kind === 'must-change-password' || identity.kind === 'login-prohibited') {
    return `${fp} is refused by Gitea (its account ${identity.kind === 'must-change-password' ? 'must change its password' : 'may not sign in'})`;
  }
  if (entry === undefined) return `${fp} is not one of ${want.persona}'s tokens`;
  if (entry.name !== want.tokenName) return `name differs (${fp} is "${entry.name}")`;
  if (!sameScopes(entry.scopes, want.scopes)) return `scopes differ (${fp} has ${entry.scopes.join(', ') || 'none'})`;
  return undefined;
}
