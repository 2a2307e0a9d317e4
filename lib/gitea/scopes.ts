import { GiteaError } from './GiteaError.js';

/** Gitea's scope categories in the order it writes normalized scopes (models/auth/access_token_scope.go). */
export const SCOPE_CATEGORIES = [
  'activitypub',
  'admin',
  'misc',
  'notification',
  'organization',
  'package',
  'issue',
  'repository',
  'user',
] as const;

type Level = 0 | 1 | 2; // none, read, write

/** The outcome of reading a scope list the way Gitea does. */
export type ParsedScopes = { ok: true; scopes: string[] } | { ok: false; invalid: string };

// One parser for the client and the test double, so both agree with Gitea on what a scope list means.
export function parseScopes(list: readonly string[]): ParsedScopes {
  const levels = new Map<string, Level>(SCOPE_CATEGORIES.map((c) => [c, 0]));
  let publicOnly = false;
  // Gitea joins the list with "," and splits again, so "read:user,write:issue" in one item counts as two.
  for (const item of list.join(',').split(',')) {
    if (item === '') continue;
    if (item === 'public-only') {
      publicOnly = true;
      continue;
    }
    if (item === 'all') {
      SCOPE_CATEGORIES.forEach((c) => levels.set(c, 2));
      continue;
    }
    const m = /^(read|write):(.+)$/.exec(item);
    if (!m || !levels.has(m[2])) return { ok: false, invalid: item };
    const level: Level = m[1] === 'write' ? 2 : 1;
    levels.set(m[2], Math.max(levels.get(m[2]) ?? 0, level) as Level);
  }
  const allWrite = SCOPE_CATEGORIES.every((c) => levels.get(c) === 2);
  const scopes: string[] = publicOnly ? ['public-only'] : [];
  if (allWrite) scopes.push('all');
  else {
    for (const c of SCOPE_CATEGORIES) {
      const level = levels.get(c);
      if (level) scopes.push(`${level === 2 ? 'write' : 'read'}:${c}`);
    }
  }
  return { ok: true, scopes };
}

// Scopes as Gitea stores them: duplicates gone, write absorbs read, fixed order, the full write set becomes `all`.
export function normalizeScopes(s: readonly string[]): string[] {
  const parsed = parseScopes(s);
  if (!parsed.ok) {
    throw new GiteaError(
      'invalid',
      `"${parsed.invalid}" is not a Gitea token scope`,
      `use all, public-only, or read:/write: followed by one of ${SCOPE_CATEGORIES.join(', ')}`,
    );
  }
  return parsed.scopes;
}

// Two scope lists grant the same access when they normalize alike; order and redundancy do not matter.
export function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  return normalizeScopes(a).join(',') === normalizeScopes(b).join(',');
}

// Whether a token's scopes satisfy every required one, the check Gitea runs on each token-authenticated call.
export function grantsScopes(granted: readonly string[], required: readonly string[]): boolean {
  const have = normalizeScopes(granted);
  if (have.includes('all')) return true;
  return normalizeScopes(required).every((need) => {
    const category = need.slice(need.indexOf(':') + 1);
    return have.includes(need) || have.includes(`write:${category}`);
  });
}
