/** Credentials for Gitea: a token for everyday calls, Basic (user + password) for the token endpoints. */
export interface GiteaAuth {
  token?: string;
  basic?: { user: string; password: string };
}

/** How to reach one Gitea server. */
export interface GiteaClientOptions {
  /** Base URL such as `https://git.example.com` (with or without a trailing `/`, never with credentials). */
  url: string;
  auth?: GiteaAuth;
  /** Give up on one request after this many milliseconds (default 15000). */
  timeoutMs?: number;
}

/** The fields of Gitea's `User` that ferry reads. */
export interface GiteaUser {
  id: number;
  login: string;
  full_name?: string;
  email?: string;
  is_admin?: boolean;
  visibility?: string;
  /** Shown to the account itself and site admins only (false for other viewers). */
  active?: boolean;
  /** Shown to the account itself and site admins only: true blocks its password and its tokens. */
  prohibit_login?: boolean;
}

/** The fields of Gitea's `Team` that ferry reads. */
export interface GiteaTeam {
  id: number;
  name: string;
  permission?: string;
}

/** One access token as Gitea lists it: the secret itself is never part of a listing. */
export interface GiteaToken {
  id: number;
  name: string;
  /** Normalized scopes, as Gitea stores them. */
  scopes: string[];
  token_last_eight: string;
  created_at?: string;
  last_used_at?: string;
}

/** A token just minted: the only moment Gitea shows its secret. */
export type GiteaNewToken = GiteaToken & { sha1: string };

/** Body of `POST /admin/users`; must_change_password is required here because Gitea defaults it to true, which breaks tokens. */
export interface CreateGiteaUser {
  username: string;
  email: string;
  password?: string;
  full_name?: string;
  must_change_password: boolean;
  visibility?: string;
}
