/** Seconds in each unit a duration may use. */
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** One or more `<number><unit>` parts, largest first or not: `24h`, `1h30m`, `7d`, `90s`. */
const DURATION = /^(?:\d+[smhdw])+$/;

// Guards and freshness checks read ages the way operators write them ("24h", "7d"); a bare number or a typo is refused,
// never guessed, since a guard that silently reads "24" as 24 seconds would allow what it should block.
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (!DURATION.test(t)) return undefined;
  let seconds = 0;
  for (const m of t.matchAll(/(\d+)([smhdw])/g)) seconds += Number(m[1]) * UNITS[m[2]];
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : undefined;
}

/** JSON Schema of a duration argument (the pattern of parseDuration, so a typo fails at load time). */
export const DURATION_SCHEMA = { type: 'string', pattern: '^\\s*(?:[0-9]+[smhdwSMHDW])+\\s*$' } as const;

// Ages in messages: the largest unit and the next one when it is not zero, e.g. `3d 2h`, `45m 10s`, `3d`, `12s`.
export function formatDuration(seconds: number): string {
  let rest = Math.max(0, Math.floor(seconds));
  const counts = ([['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const).map(([unit, size]) => {
    const n = Math.floor(rest / size);
    rest -= n * size;
    return { unit, n };
  });
  const first = counts.findIndex((c) => c.n > 0);
  if (first < 0) return '0s';
  return counts.slice(first, first + 2).filter((c) => c.n > 0).map((c) => `${c.n}${c.unit}`).join(' ');
}
