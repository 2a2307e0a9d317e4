import { aType } from '../data.js';
import { fail } from '../TemplateFault.js';

// `x[a:b:c]` with Python's rules (negative indexes count from the end), on lists and strings.
export function slice(target: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  if (!Array.isArray(target) && typeof target !== 'string') fail(`only lists and strings can be sliced, not ${aType(target)}`);
  const by = bound(step, 1);
  if (by === 0) fail('slice step cannot be zero');
  const items = Array.isArray(target) ? target : target.split('');
  const n = items.length;
  const clamp = (v: number, low: number, high: number): number => Math.min(Math.max(v < 0 ? v + n : v, low), high);
  const from = start == null ? (by > 0 ? 0 : n - 1) : clamp(bound(start, 0), by > 0 ? 0 : -1, by > 0 ? n : n - 1);
  const to = stop == null ? (by > 0 ? n : -1) : clamp(bound(stop, 0), by > 0 ? 0 : -1, by > 0 ? n : n - 1);
  const out: unknown[] = [];
  for (let i = from; by > 0 ? i < to : i > to; i += by) out.push(items[i]);
  return Array.isArray(target) ? out : out.join('');
}

function bound(value: unknown, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(`slice bounds must be integers, not ${aType(value)}`);
  return value;
}
