import type { GiteaToken } from '../../gitea/types.js';
import type { GiteaAdminArgs } from '../gitea_common/giteaArgs.js';
import type { AuditFacts } from '../token_audit/tokenAuditTypes.js';

/** gitea_token's arguments: whose token, which one, and the guards a revoke must pass. */
export interface GiteaTokenArgs extends GiteaAdminArgs {
  state: 'absent';
  /** The Gitea login owning the token. */
  user: string;
  /** The token by the last eight characters Gitea lists. */
  last_eight?: string;
  /** Or by its name. */
  name?: string;
  /** Guard: the token's last use is older than this duration (24h, 7d). */
  unused_for?: string;
  /** Guard: these hosts were audited (token_audit results in `audits`) and none holds the token. */
  no_consumers_on?: string[];
  /** The registered results of token_audit on those hosts (a host's missing or failed result blocks). */
  audits?: Array<Partial<AuditFacts> | null>;
}

/** The owner's tokens as the site admin lists them, and the controller's clock. */
export interface GiteaTokenFacts {
  userExists: boolean;
  tokens: GiteaToken[];
  /** Milliseconds since the epoch when the list was read. */
  now: number;
}

/** The tokens a plan revokes. */
export interface GiteaTokenData {
  user: string;
  tokens: Array<{ id: number; name: string; last_eight: string }>;
}
