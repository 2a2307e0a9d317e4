import type { GiteaState } from './GiteaState.js';
import type { OrgRow, TeamRow, TokenRow, UserRow } from './records.js';

/** How the caller presented itself, as the request log records it. */
export type AuthKind = 'token' | 'basic' | 'none';

/** One request on its way through the double's middleware chain, like Gitea's APIContext. */
export interface Ctx {
  state: GiteaState;
  /** Gitea's AppURL: always ends in `/`. */
  appUrl: string;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; `bodyError` says why it could not be read. */
  body: unknown;
  bodyError?: string;
  auth: AuthKind;
  /** The signed-in user (after Sudo, the impersonated one). */
  doer?: UserRow;
  /** Set when a token authenticated the request: scopes are checked only then. */
  token?: TokenRow;
  contextUser?: UserRow;
  org?: OrgRow;
  team?: TeamRow;
}

// A guard earlier in the chain has set this field; reaching here without it is a bug in the double.
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`gitea double: ${what} missing after its guard`);
  return value;
}
