import { fail } from '../TemplateFault.js';
import { asInteger, asNumber, asString } from './argTypes.js';
import { defineFilter } from './defineFilter.js';

const PREFIX: Record<number, RegExp> = { 16: /^0x/i, 8: /^0o/i, 2: /^0b/i };

// Jinja's int: a number truncated, a numeric string read in `base`, anything unreadable gives `default`.
function toInt(value: unknown, fallback: unknown, base: number): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : fallback;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return fallback;
  const text = value.trim().replace(/_/g, '');
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.replace(/^[+-]/, '').replace(PREFIX[base] ?? /^$/, '');
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  if (digits && [...digits.toLowerCase()].every((d) => alphabet.includes(d))) return sign * parseInt(digits, base);
  const float = toFloat(value, undefined);
  return typeof float === 'number' && base === 10 ? Math.trunc(float) : fallback;
}

function toFloat(value: unknown, fallback: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) return Number(value);
  return fallback;
}

const ROUNDING = new Map<string, (x: number) => number>([
  ['common', (x) => Math.sign(x) * Math.round(Math.abs(x))],
  ['ceil', Math.ceil],
  ['floor', Math.floor],
]);

// Number filters. Rounding `common` goes half away from zero (2.5 -> 3), which is what people expect; Jinja uses Python's half-even.
export const numberFilters = [
  defineFilter({
    name: 'int',
    params: [['default', 0], ['base', 10]],
    run: (v, p) => {
      const base = asInteger(p.base, 'int', 'base');
      if (base < 2 || base > 36) fail("filter 'int' needs a base between 2 and 36");
      return toInt(v, p.default, base);
    },
  }),
  defineFilter({ name: 'float', params: [['default', 0]], run: (v, p) => toFloat(v, p.default) }),
  defineFilter({ name: 'abs', run: (v) => Math.abs(asNumber(v, 'abs')) }),
  defineFilter({
    name: 'round',
    params: [['precision', 0], ['method', 'common']],
    run: (v, p) => {
      const scale = 10 ** asInteger(p.precision, 'round', 'precision');
      const method = asString(p.method, 'round', 'method');
      const round = ROUNDING.get(method);
      if (!round) fail(`filter 'round' has no method '${method}'`, 'use common, ceil or floor');
      return round(asNumber(v, 'round') * scale) / scale;
    },
  }),
];
