/** assert_identity's arguments: where the host's consumers read the token, and whom it must authenticate as. */
export interface AssertIdentityArgs {
  gitea_url: string;
  login: string;
  /** A shell env file the consumers source; the token is the value of `key` after sourcing it. */
  env_file?: string;
  /** Default GITEA_TOKEN. */
  key?: string;
  /** A file holding the token alone. */
  token_file?: string;
}

/** What the host found before asking Gitea, when it could not ask. */
export type UnaskedState = 'missing' | 'unreadable' | 'empty' | 'garbage' | 'no-curl';

/** What the host's own curl got from `GET /api/v1/user`; never the token, only its last four characters. */
export type IdentityFacts =
  | { host: string; state: UnaskedState }
  | { host: string; state: 'asked'; curlRc: number; curlError: string; status: number; body: string; last4?: string };
