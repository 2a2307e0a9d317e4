import { FerryError } from '../../errors/FerryError.js';
import type { GiteaToken } from '../../gitea/types.js';
import type { Plan } from '../defineModule.js';
import type { GiteaTokenArgs, GiteaTokenData, GiteaTokenFacts } from './giteaTokenTypes.js';
import { consumersGuard, unusedGuard, type GuardVerdict } from './revokeGuards.js';

// Pure: which of the owner's tokens the task names, and whether every guard lets it go. A guard that does not hold
// blocks the revoke with a failure that says why and what still uses the token; nothing is revoked then.
export function giteaTokenPlan(facts: GiteaTokenFacts, args: GiteaTokenArgs): Plan<GiteaTokenData> {
  const which = args.last_eight ? `…${args.last_eight.toLowerCase()}` : `named ${args.name}`;
  if (!facts.userExists) return { changes: [], msg: `Gitea user ${args.user} does not exist: no token ${which} to revoke`, result: { revoked: [] } };
  const chosen = facts.tokens.filter((t) => (args.last_eight ? t.token_last_eight === args.last_eight.toLowerCase() : t.name === args.name));
  if (chosen.length === 0) return { changes: [], msg: `${args.user} has no token ${which}: nothing to revoke`, result: { revoked: [] } };
  const verdicts = chosen.map((t) => ({ token: t, guards: guardsOf(t, args, facts.now) }));
  const blocked = verdicts.filter((v) => v.guards.some((g) => !g.holds));
  if (blocked.length > 0) {
    const lines = blocked.flatMap((v) => [`revoke of ${label(v.token, args.user)} blocked:`, ...v.guards.map((g) => `  ${g.holds ? 'ok' : 'BLOCKED'} ${g.guard}: ${g.why}`)]);
    throw new FerryError('MODULE', lines.join('\n'), {},
      'nothing was revoked: move the consumers named above to their own persona token, wait out the burn-in, then run again');
  }
  const changes = verdicts.map((v) => ({
    summary: `revoke ${label(v.token, args.user)}: ${v.guards.length === 0 ? 'no guard asked' : v.guards.map((g) => `${g.guard} holds (${g.why})`).join('; ')}`,
  }));
  const tokens = chosen.map((t) => ({ id: t.id, name: t.name, last_eight: t.token_last_eight }));
  return { changes, msg: changes.map((c) => c.summary).join('\n'), data: { user: args.user, tokens }, result: { revoked: tokens } };
}

function guardsOf(token: GiteaToken, args: GiteaTokenArgs, now: number): GuardVerdict[] {
  const guards: GuardVerdict[] = [];
  if (args.unused_for !== undefined) guards.push(unusedGuard(token, args.unused_for, now));
  if (args.no_consumers_on !== undefined || args.audits !== undefined) guards.push(consumersGuard(token, args));
  return guards;
}

function label(t: GiteaToken, user: string): string {
  return `token ${t.name} (id ${t.id}, …${t.token_last_eight}) of ${user}`;
}
