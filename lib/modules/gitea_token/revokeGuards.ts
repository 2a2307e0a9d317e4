import type { GiteaToken } from '../../gitea/types.js';
import { formatDuration, parseDuration } from '../assert_recent/parseDuration.js';
import { readerText } from '../token_audit/tokenAuditPlan.js';
import type { AuditFacts } from '../token_audit/tokenAuditTypes.js';
import type { GiteaTokenArgs } from './giteaTokenTypes.js';

/** One guard's verdict on one token: whether it holds, and why, in words a person acts on. */
export interface GuardVerdict {
  guard: 'unused_for' | 'no_consumers_on';
  holds: boolean;
  why: string;
}

// Pure: the burn-in guard. The token's last use (Gitea's last_used_at) must be older than unused_for; a token Gitea
// shows no use for cannot prove its burn-in, so it blocks too.
export function unusedGuard(token: GiteaToken, limitText: string, now: number): GuardVerdict {
  const limit = parseDuration(limitText);
  if (limit === undefined) return { guard: 'unused_for', holds: false, why: `unused_for '${limitText}' is not a duration (write 24h, 7d)` };
  const last = token.last_used_at ? Date.parse(token.last_used_at) : Number.NaN;
  if (Number.isNaN(last)) return { guard: 'unused_for', holds: false, why: 'Gitea gives no last use for it, so its burn-in cannot be shown' };
  const age = Math.max(0, Math.floor((now - last) / 1000));
  const when = `last used ${formatDuration(age)} ago (${new Date(last).toISOString()})`;
  return age >= limit
    ? { guard: 'unused_for', holds: true, why: `${when}, longer than ${limitText}` }
    : { guard: 'unused_for', holds: false, why: `${when}, within ${limitText}` };
}

// Pure: the consumer guard. Every named host must have a complete audit for this token, and none may have found it.
export function consumersGuard(token: GiteaToken, args: GiteaTokenArgs): GuardVerdict {
  const hosts = args.no_consumers_on ?? [];
  const audits = (args.audits ?? []).filter((a): a is Partial<AuditFacts> => a !== null && typeof a === 'object');
  const l8 = token.token_last_eight;
  const problems: string[] = [];
  const users: string[] = [];
  for (const host of hosts) {
    const audit = audits.find((a) => a.host === host);
    if (!audit || !Array.isArray(audit.findings)) {
      problems.push(`${host} was not audited (its token_audit failed, was skipped or is not in audits)`);
      continue;
    }
    if (!(audit.last_eights ?? []).includes(l8)) {
      problems.push(`${host} was audited for another token, not …${l8}`);
      continue;
    }
    if (audit.complete === false) problems.push(`${host}'s audit could not read ${audit.unreadable?.length ?? 'some'} path(s): run it with become: true`);
    const found = audit.findings.filter((f) => f.last_eight === l8);
    users.push(...found.map((f) => f.where));
    // A reader may read a symlink to a file found: for an audit of this token alone, every reader is its reader.
    const paths = new Set(found.map((f) => f.path));
    const only = audit.last_eights?.length === 1;
    users.push(...(audit.readers ?? []).filter((r) => only || paths.has(r.reads)).map((r) => `${host}:${readerText(r)}`));
  }
  if (hosts.length === 0) problems.push('no_consumers_on names no host');
  if (users.length > 0) return { guard: 'no_consumers_on', holds: false, why: `still used: ${users.join('; ')}${problems.length ? `; ${problems.join('; ')}` : ''}` };
  if (problems.length > 0) return { guard: 'no_consumers_on', holds: false, why: problems.join('; ') };
  return { guard: 'no_consumers_on', holds: true, why: `no copy on ${hosts.join(', ')}` };
}
