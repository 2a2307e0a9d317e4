import { FerryError } from '../errors/FerryError.js';
import type { Pos } from '../playbook/types.js';

// Splits a play's hosts into rolling batches per `serial`: a number, a percentage, or a list of either (the last repeats).
export function batches<T>(hosts: readonly T[], serial: unknown, pos?: Pos): T[][] {
  if (serial === undefined || serial === null || hosts.length === 0) return [hosts.slice()];
  const sizes = (Array.isArray(serial) ? serial : [serial]).map((s) => batchSize(s, hosts.length, pos));
  const out: T[][] = [];
  let start = 0;
  let i = 0;
  while (start < hosts.length) {
    const size = sizes[Math.min(i, sizes.length - 1)];
    out.push(hosts.slice(start, start + size));
    start += size;
    i++;
  }
  return out;
}

function batchSize(s: unknown, total: number, pos?: Pos): number {
  const text = String(s).trim();
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(text);
  const n = pct ? Math.floor((total * Number(pct[1])) / 100) : Number(text);
  if (!Number.isFinite(n) || n < 0 || (!pct && !Number.isInteger(n))) {
    throw new FerryError('SCHEMA', `serial must be a whole number or a percentage, got '${text}'`, pos ?? {}, "write serial: 2, serial: '30%' or a list of them");
  }
  return Math.max(1, n);
}
