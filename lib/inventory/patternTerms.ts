/** One term of a host pattern: what it matches and how it combines with the terms before it. */
export interface PatternTerm {
  op: 'union' | 'and' | 'not';
  body: string;
  /** The term as written, for messages. */
  text: string;
}

/** Splits on ':' outside [...] the way Ansible does, so `web[0:2]` stays one term. */
function splitColons(part: string): string[] {
  if (/^[!&]?[~@]/.test(part)) return [part];
  return part.match(/(?:[^\s:[\]]|\[[^\]]*\])+/g) ?? [];
}

// Ansible applies the plain terms first, then the &-intersections, then the !-exclusions, whatever order they were written in.
export function patternTerms(pattern: string): PatternTerm[] {
  const terms: PatternTerm[] = [];
  for (const part of pattern.split(',')) {
    for (const text of splitColons(part.trim())) {
      const op = text.startsWith('!') ? 'not' : text.startsWith('&') ? 'and' : 'union';
      const body = op === 'union' ? text : text.slice(1);
      if (body !== '') terms.push({ op, body, text });
    }
  }
  const rank = { union: 0, and: 1, not: 2 } as const;
  const ordered = terms.map((t, i) => ({ t, i })).sort((a, b) => rank[a.t.op] - rank[b.t.op] || a.i - b.i).map((x) => x.t);
  if (!ordered.some((t) => t.op === 'union')) ordered.unshift({ op: 'union', body: 'all', text: 'all' });
  return ordered;
}
