import type { GiteaToken } from '../../gitea/types.js';
import type { AttributeArgs } from '../attributeArgs.js';
import type { GiteaAdminArgs } from '../gitea_common/giteaArgs.js';
import type { PathStat } from '../PathStat.js';

/** token_file's arguments: a Gitea persona token (persona, scopes, gitea_url …) or a literal `token`. */
export interface TokenFileArgs extends AttributeArgs, Partial<GiteaAdminArgs> {
  path: string;
  persona?: string;
  scopes?: string[];
  /** Default `<persona>@<inventory_hostname>`. */
  token_name?: string;
  /** A literal secret for non-Gitea use: the file must hold exactly this value, and Gitea is not called. */
  token?: string;
}

/** What the file holds, described without the secret itself. */
export type StoredToken =
  | { kind: 'none' }
  /** Empty, several lines, or characters no token has. */
  | { kind: 'garbage' }
  | { kind: 'token'; last8: string; fingerprint: string; sha256: string };

/** What `GET /api/v1/user` with the stored token answered. */
export type TokenIdentity =
  | { kind: 'unchecked' }
  | { kind: 'user'; login: string }
  | { kind: 'rejected' }
  | { kind: 'must-change-password' }
  | { kind: 'login-prohibited' }
  /** The token works but lacks read:user, so /user cannot say whose it is. */
  | { kind: 'no-read-user' };

/** The persona as Gitea's admin sees it: whether it exists, and its tokens (never their secrets). */
export interface PersonaTokens {
  exists: boolean;
  tokens: GiteaToken[];
}

/** The file, its directory, what it holds, and (for a persona token) what Gitea says of it. */
export interface TokenFileFacts {
  file: PathStat;
  dir: PathStat;
  stored: StoredToken;
  /** The token name in force (the default resolved with the inventory hostname). */
  tokenName: string;
  identity: TokenIdentity;
  persona?: PersonaTokens;
}

/** What apply carries out, in order: directory, old-token deletion, mint, write, or only mode/owner. */
export interface TokenFileData {
  path: string;
  mkdir?: { dir: string; owner?: string; group?: string };
  deleteIds: number[];
  mint?: { persona: string; name: string; scopes: string[] };
  /** Write the literal token (no mint). */
  writeLiteral?: boolean;
  write?: { mode: number; owner?: string; group?: string };
  attrs?: { chmod?: number; chown?: { owner?: string; group?: string } };
}
