/** Repeated timings of one measured thing, with their median. */
export interface Sample {
  /** Median of `runs`, milliseconds. */
  ms: number;
  /** Every repetition, milliseconds, in the order they ran. */
  runs: number[];
}

// The bench reports medians: one slow repetition (a page-cache miss, a stray cron) must not move the table.
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A Sample of the given runs, rounded to the millisecond. */
export function sampleOf(runs: readonly number[]): Sample {
  return { ms: Math.round(median(runs)), runs: runs.map((r) => Math.round(r)) };
}

/** a / b rounded to two decimals, or null when either side was not measured. */
export function ratio(a: Sample | undefined, b: Sample | undefined): number | null {
  if (!a || !b || !(b.ms > 0)) return null;
  return Math.round((a.ms / b.ms) * 100) / 100;
}
