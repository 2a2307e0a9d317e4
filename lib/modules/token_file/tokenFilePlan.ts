import path from 'node:path';
import { FerryError } from '../../errors/FerryError.js';
import { normalizeScopes } from '../../gitea/scopes.js';
import { fingerprint } from '../../secrets/Redactor.js';
import { attributeChanges, describeNew } from '../attributeChanges.js';
import { wantedAttributes } from '../attributeArgs.js';
import type { Change, Plan } from '../defineModule.js';
import { resolveMode } from '../parseMode.js';
import { mintReason } from './mintReason.js';
import { sha256 } from './readStoredToken.js';
import type { TokenFileArgs, TokenFileData, TokenFileFacts } from './tokenFileTypes.js';

/** Mode of a token file unless the task says otherwise. */
export const DEFAULT_TOKEN_MODE = '0600';

// Pure: keep the stored token when it is the right one (fixing only mode/owner), otherwise mint and write a new one.
export function tokenFilePlan(facts: TokenFileFacts, args: TokenFileArgs): Plan<TokenFileData> {
  checkPaths(facts, args.path);
  const want = wantedAttributes({ mode: args.mode ?? DEFAULT_TOKEN_MODE, owner: args.owner, group: args.group });
  const literal = args.token !== undefined;
  if (literal && args.persona !== undefined) {
    throw new FerryError('MODULE', 'token_file takes either token (a literal value) or persona (a Gitea token), not both', {}, 'drop one of them');
  }
  const reason = literal ? literalReason(facts, args.token ?? '') : personaReason(facts, args);
  const result = literal ? { path: args.path, minted: false } : { path: args.path, token_name: facts.tokenName, minted: false };
  if (reason === undefined) {
    const fix = attributeChanges(facts.file, want);
    const last8 = facts.stored.kind === 'token' && !literal ? { token_last_eight: facts.stored.last8 } : {};
    const fp = facts.stored.kind === 'token' ? facts.stored.fingerprint : '';
    const msg = literal ? `${args.path} holds the token ${fp}` : `${fp} authenticates as ${args.persona} with the asked scopes`;
    if (fix.changes.length === 0) return { changes: [], msg, result: { ...result, ...last8 } };
    return {
      changes: fix.changes.map((c) => ({ summary: `${args.path}: ${c.summary}` })),
      data: { path: args.path, deleteIds: [], attrs: { chmod: fix.chmod, chown: fix.chown } },
      result: { ...result, ...last8 },
    };
  }

  const mode = want.mode ? resolveMode(want.mode, facts.file.exists ? (facts.file.mode ?? 0o600) : 0o600, false) : 0o600;
  const dir = path.posix.dirname(args.path);
  const changes: Change[] = [];
  const data: TokenFileData = { path: args.path, deleteIds: [], write: { mode, owner: want.owner, group: want.group } };
  if (!facts.dir.exists) {
    data.mkdir = { dir, owner: want.owner, group: want.group };
    changes.push({ summary: `create directory ${dir} (${describeNew(0o700, want.owner, want.group)})` });
  }
  let after: string;
  if (literal) {
    data.writeLiteral = true;
    after = fingerprint(args.token ?? '');
  } else {
    const persona = args.persona ?? '';
    const scopes = normalizeScopes(args.scopes ?? []);
    for (const old of facts.persona?.tokens.filter((t) => t.name === facts.tokenName) ?? []) {
      data.deleteIds.push(old.id);
      changes.push({ summary: `delete older token ${old.name} (id ${old.id})` });
    }
    data.mint = { persona, name: facts.tokenName, scopes };
    changes.push({ summary: `mint token ${facts.tokenName} for ${persona} (scopes ${scopes.join(', ')}): ${reason}` });
    after = '****<new token>';
  }
  const before = facts.stored.kind === 'token' ? `${facts.stored.fingerprint}\n` : facts.stored.kind === 'garbage' ? '(no token)\n' : '';
  changes.push({
    summary: `write ${args.path} (${describeNew(mode, want.owner, want.group)})${literal ? `: ${reason}` : ''}`,
    diff: { path: args.path, before, after: `${after}\n` },
  });
  return { changes, data, result };
}

function literalReason(facts: TokenFileFacts, token: string): string | undefined {
  if (facts.stored.kind === 'none') return 'missing';
  if (facts.stored.kind === 'garbage' || facts.stored.sha256 !== sha256(token)) return 'holds another value';
  return undefined;
}

function personaReason(facts: TokenFileFacts, args: TokenFileArgs): string | undefined {
  const persona = args.persona;
  if (persona === undefined || args.scopes === undefined || args.gitea_url === undefined) {
    throw new FerryError('MODULE', 'token_file needs persona, scopes and gitea_url (or token, for a literal value)', {}, 'add the missing arguments');
  }
  if (!facts.persona?.exists) {
    throw new FerryError('MODULE', `Gitea user ${persona} does not exist`, {}, 'create it first, e.g. with a gitea_user task earlier in the play');
  }
  const { stored, identity } = facts;
  const entry = stored.kind === 'token' ? facts.persona.tokens.find((t) => t.token_last_eight === stored.last8) : undefined;
  if (entry && (identity.kind === 'must-change-password' || identity.kind === 'login-prohibited')) {
    // A new token of the same account would be refused just the same: minting cannot help.
    const why = identity.kind === 'must-change-password' ? 'must change its password' : 'is prohibited from signing in';
    throw new FerryError('MODULE', `Gitea user ${persona} ${why}, so Gitea refuses its tokens (403)`, {},
      identity.kind === 'must-change-password'
        ? `clear the flag: gitea admin user must-change-password --unset ${persona} on the Gitea host, or PATCH /api/v1/admin/users/${persona} with must_change_password=false`
        : `clear prohibit_login on ${persona} in Gitea's site administration`);
  }
  return mintReason(stored, identity, entry, { persona, tokenName: facts.tokenName, scopes: args.scopes });
}

function checkPaths(facts: TokenFileFacts, p: string): void {
  if (!facts.file.exists && facts.file.link !== undefined) {
    throw new FerryError('MODULE', `${p} is a dangling symlink (to ${facts.file.link})`, {}, 'remove the link or point path at the real file');
  }
  if (facts.file.exists && facts.file.type !== 'file') {
    throw new FerryError('MODULE', `${p} exists and is not a regular file`, {}, 'choose another path for the token');
  }
  if (facts.dir.exists && facts.dir.type !== 'directory') {
    throw new FerryError('MODULE', `${path.posix.dirname(p)} exists and is not a directory`, {}, 'choose another path for the token');
  }
}
