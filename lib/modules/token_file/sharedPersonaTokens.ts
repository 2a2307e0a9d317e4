import type { GiteaToken } from '../../gitea/types.js';
import type { ModuleContext } from '../defineModule.js';
import type { AdminCredentialArgs } from '../gitea_common/giteaArgs.js';
import type { PersonaTokens } from './tokenFileTypes.js';

/** The run whose listings are kept: a new run starts with none. */
let currentRun: string | undefined;
const listings = new Map<string, Promise<PersonaTokens>>();

/** Which listing: one run, one Gitea, one source of admin credentials, one persona. */
export interface ListingKey {
  ctx: Pick<ModuleContext, 'runId'>;
  url: string;
  args: AdminCredentialArgs;
  persona: string;
}

// Every host's probe reads the same listing of the persona's tokens. Read once per run and shared, and kept current by
// the run's own mints, N hosts cost one paged listing instead of N listings of N tokens each (O(N²) requests and
// memory at 200 hosts). Each host only judges the entries of its own token name, which no other host's apply touches.
// Without a run id (a module called outside a run) every probe reads its own; a failed or empty answer is never kept.
export function sharedPersonaTokens(key: ListingKey, read: () => Promise<PersonaTokens>): Promise<PersonaTokens> {
  const id = idOf(key);
  if (id === undefined) return read();
  const kept = listings.get(id);
  if (kept) return kept;
  const listing = read();
  listings.set(id, listing);
  const forget = (): void => void (listings.get(id) === listing && listings.delete(id));
  listing.then((p) => p.exists || forget(), forget);
  return listing;
}

/** After this run minted a token (and deleted older ones of its name): the shared listing shows what Gitea now holds. */
export function recordMint(key: ListingKey, deletedIds: readonly number[], minted: GiteaToken): void {
  const id = idOf(key);
  const kept = id === undefined ? undefined : listings.get(id);
  if (id === undefined || !kept) return;
  const entry: GiteaToken = { id: minted.id, name: minted.name, scopes: minted.scopes, token_last_eight: minted.token_last_eight };
  listings.set(id, kept.then((p) => ({ exists: true, tokens: [...p.tokens.filter((t) => !deletedIds.includes(t.id)), entry] })));
}

/** A write whose outcome is not known (it failed half-way): the next probe reads Gitea again. */
export function forgetListing(key: ListingKey): void {
  const id = idOf(key);
  if (id !== undefined) listings.delete(id);
}

function idOf(key: ListingKey): string | undefined {
  const run = key.ctx.runId;
  if (run === undefined) return undefined;
  if (run !== currentRun) {
    listings.clear();
    currentRun = run;
  }
  const { admin_user_env, admin_password_env, admin_password_file } = key.args;
  return JSON.stringify([key.url, admin_user_env, admin_password_env, admin_password_file, key.persona.toLowerCase()]);
}
