import { FerryError } from '../../errors/FerryError.js';
import { GiteaError } from '../../gitea/GiteaError.js';
import type { GiteaClient } from '../../gitea/GiteaClient.js';
import { fingerprint } from '../../secrets/Redactor.js';
import { changeFile } from '../changes/changeFile.js';
import type { ApplyResult, ModuleContext, Plan } from '../defineModule.js';
import { adminClient } from '../gitea_common/adminClient.js';
import { atHost } from '../gitea_common/atHost.js';
import { makeDirs } from '../changes/makeDirs.js';
import { recordChanges } from '../changes/recordChanges.js';
import { probeIdentity } from './probeIdentity.js';
import { forgetListing, recordMint } from './sharedPersonaTokens.js';
import type { TokenFileArgs, TokenFileData } from './tokenFileTypes.js';

// Carries out a token_file plan in its order: directory, old same-name token deleted, new token minted and proven,
// file written atomically (mode and owner set before the token is in it). Every path changed is recorded with its
// backup (an old token file keeps its 0600 copy), so `ferry rollback` can put it back. The token travels on stdin
// only and never leaves this function.
export function applyTokenFile(ctx: ModuleContext, plan: Plan<TokenFileData>, args: TokenFileArgs): Promise<ApplyResult> {
  const d = plan.data;
  if (!d) return Promise.resolve({ result: plan.result });
  return recordChanges(async (record) => {
    if (d.mkdir) await makeDirs(ctx, { path: d.mkdir.dir, mode: 0o700, owner: d.mkdir.owner, group: d.mkdir.group }, record);
    if (d.attrs) record(await changeFile(ctx, { path: d.path, attrs: d.attrs }));
    let content: string | undefined;
    let minted: Record<string, unknown> = {};
    if (d.mint) {
      const token = await mint(ctx, args, d.mint, d.deleteIds);
      content = token.sha1;
      minted = { token_last_eight: token.token_last_eight, minted: true };
    } else if (d.writeLiteral && args.token !== undefined) {
      content = args.token;
    }
    if (content !== undefined && d.write) record(await changeFile(ctx, { path: d.path, bytes: Buffer.from(`${content}\n`, 'utf8'), write: d.write }));
    return { result: { ...plan.result, ...minted } };
  });
}

async function mint(ctx: ModuleContext, args: TokenFileArgs, m: NonNullable<TokenFileData['mint']>, deleteIds: number[]) {
  try {
    const url = args.gitea_url ?? '';
    const admin = adminClient(ctx, url, args);
    // Token names are unique per user: the older token of this name goes first, by id (a name may read as a number).
    for (const id of deleteIds) await deleteQuietly(admin, m.persona, id);
    const token = await admin.createToken(m.persona, m.name, m.scopes);
    ctx.secret(token.sha1);
    recordMint({ ctx, url, args, persona: m.persona }, deleteIds, token);
    await prove(url, token.sha1, m.persona);
    return token;
  } catch (err) {
    forgetListing({ ctx, url: args.gitea_url ?? '', args, persona: m.persona });
    throw atHost(err, ctx.hostname);
  }
}

/** A token deleted meanwhile by someone else is as good as deleted. */
async function deleteQuietly(admin: GiteaClient, persona: string, id: number): Promise<void> {
  try {
    await admin.deleteToken(persona, id);
  } catch (err) {
    if (!(err instanceof GiteaError && err.reason === 'not-found')) throw err;
  }
}

// Before the file is written: the new token must authenticate as the persona (a must_change_password account would
// get a token Gitea refuses, and the host would be left worse off than before).
async function prove(url: string, token: string, persona: string): Promise<void> {
  const identity = await probeIdentity(url, token);
  if (identity.kind === 'no-read-user') return; // the scopes asked exclude read:user: /user cannot answer, the listing did
  if (identity.kind === 'user' && identity.login.toLowerCase() === persona.toLowerCase()) return;
  const fp = fingerprint(token);
  const why = identity.kind === 'must-change-password' ? `Gitea user ${persona} must change its password, so Gitea refuses its tokens (403)`
    : identity.kind === 'login-prohibited' ? `Gitea user ${persona} is prohibited from signing in, so Gitea refuses its tokens (403)`
      : identity.kind === 'user' ? `the new token ${fp} authenticates as ${identity.login}, not ${persona}`
        : `Gitea rejects the token ${fp} it has just minted`;
  throw new FerryError('MODULE', `${why}; the file was not written`, {},
    identity.kind === 'must-change-password'
      ? `clear the flag (gitea admin user must-change-password --unset ${persona}) and run again: the unused token is replaced then`
      : 'fix the account in Gitea and run again: the unused token is replaced then');
}
