/** Edit distance between two names (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

// A typo should cost one glance, not a trip to the docs: this finds the known name the user most likely meant.
export function nearestName(name: string, known: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const candidate of known) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower);
    const prefix = wanted.length >= 3 && (lower.startsWith(wanted) || wanted.startsWith(lower));
    const close = distance <= 2 && distance < wanted.length;
    if (!close && !prefix) continue;
    const score = prefix ? Math.min(distance, 2.5) : distance;
    if (!best || score < best.score) best = { name: candidate, score };
  }
  return best?.name;
}

/** `did you mean 'x'?` when a near name exists, else undefined. */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  const near = nearestName(name, known);
  return near === undefined ? undefined : `did you mean '${near}'?`;
}
