import { FerryError } from '../../errors/FerryError.js';
import type { ModuleContext } from '../defineModule.js';
import { adminClient } from '../gitea_common/adminClient.js';
import { atHost } from '../gitea_common/atHost.js';
import type { AuditTarget, TokenAuditArgs } from './tokenAuditTypes.js';

const LAST8 = /^[0-9a-f]{8}$/;
const SHA256 = /^[0-9a-f]{64}$/;

// Which token(s) to look for: given last eights, a fingerprint, or the last eights Gitea lists for an owner's tokens
// (asked from the controller as the site admin). An empty value counts as not given, so a playbook can pass its
// variables through unchanged.
export async function auditTarget(ctx: ModuleContext, args: TokenAuditArgs): Promise<AuditTarget> {
  const host = ctx.hostname;
  const given = (Array.isArray(args.last_eight) ? args.last_eight : [args.last_eight ?? '']).map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = given.filter((s) => !LAST8.test(s));
  if (bad.length > 0) {
    throw new FerryError('MODULE', `last_eight ${bad.join(', ')} is not the last eight characters of a Gitea token`, { host },
      'copy token_last_eight from Gitea\'s token list: 8 characters 0-9a-f');
  }
  const sha256 = (args.sha256 ?? '').trim().toLowerCase();
  const owner = (args.owner ?? '').trim();
  const sources = [given.length > 0, sha256 !== '', owner !== ''].filter(Boolean).length;
  if (sources !== 1) {
    throw new FerryError('MODULE', sources === 0 ? 'token_audit needs a token to look for' : 'token_audit takes one of last_eight, sha256 and owner', { host },
      'give last_eight (from Gitea\'s token list), sha256 (of the token), or owner (and token_name) with gitea_url');
  }
  if (given.length > 0) return { mode: 'last_eight', lastEights: [...new Set(given)] };
  if (sha256 !== '') {
    if (!SHA256.test(sha256)) throw new FerryError('MODULE', 'sha256 is not a hex SHA-256', { host }, 'give 64 hex characters, e.g. from printf %s "$TOKEN" | sha256sum');
    return { mode: 'sha256', sha256 };
  }
  return { mode: 'last_eight', lastEights: await ownerLastEights(ctx, args, owner) };
}

async function ownerLastEights(ctx: ModuleContext, args: TokenAuditArgs, owner: string): Promise<string[]> {
  const host = ctx.hostname;
  if (!args.gitea_url) throw new FerryError('MODULE', 'owner needs gitea_url to read the owner\'s tokens', { host }, 'add gitea_url');
  const name = (args.token_name ?? '').trim();
  let tokens;
  try {
    tokens = await adminClient(ctx, args.gitea_url, args).listTokens(owner);
  } catch (err) {
    throw atHost(err, host);
  }
  const chosen = tokens.filter((t) => name === '' || t.name === name);
  if (chosen.length === 0) {
    throw new FerryError('MODULE', name === '' ? `Gitea user ${owner} has no tokens` : `Gitea user ${owner} has no token named ${name}`, { host },
      'check the login and the token name in Gitea; a revoked token is found by last_eight or sha256 instead');
  }
  return [...new Set(chosen.map((t) => t.token_last_eight))];
}
