import { aType } from '../data.js';
import { MAX_TEXT } from '../limits.js';
import type { BinaryOp } from '../syntax/ast.js';
import { fail } from '../TemplateFault.js';
import { toText } from '../toText.js';

// `+ - * / // % ** ~` with Python's meaning: numbers with numbers, `+` joins strings or lists, `~` joins anything as text.
export function arithmetic(op: BinaryOp, a: unknown, b: unknown): unknown {
  if (op === '~') return capped(toText(a) + toText(b));
  if (op === '+') return add(a, b);
  if (op === '*' && (typeof a === 'string' || Array.isArray(a)) && typeof b === 'number') return repeat(a, b);
  if (op === '*' && typeof a === 'number' && (typeof b === 'string' || Array.isArray(b))) return repeat(b, a);
  if (typeof a !== 'number' || typeof b !== 'number') return mismatch(op, a, b);
  switch (op) {
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '**':
      return a ** b;
    case '/':
      return a / nonZero(b);
    case '//':
      return Math.floor(a / nonZero(b));
    case '%':
      return ((a % nonZero(b)) + b) % b;
  }
}

function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') return capped(a + b);
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  return mismatch('+', a, b);
}

function repeat(value: string | unknown[], times: number): unknown {
  if (!Number.isInteger(times)) fail(`a ${Array.isArray(value) ? 'list' : 'string'} can only be repeated a whole number of times`);
  const n = Math.max(0, times);
  if (value.length * n > MAX_TEXT) fail(`the result would exceed ${MAX_TEXT} items`);
  return typeof value === 'string' ? value.repeat(n) : Array.from({ length: n }, () => value).flat();
}

function nonZero(b: number): number {
  if (b === 0) fail('division by zero');
  return b;
}

function capped(text: string): string {
  if (text.length > MAX_TEXT) fail(`the text would exceed ${MAX_TEXT} characters`);
  return text;
}

function mismatch(op: BinaryOp, a: unknown, b: unknown): never {
  const hint = typeof a === 'string' || typeof b === 'string' ? "use ~ to join values as text, or | int to read a number" : undefined;
  return fail(`cannot apply '${op}' to ${aType(a)} and ${aType(b)}`, hint);
}
