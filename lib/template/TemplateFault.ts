import { FerryError } from '../errors/FerryError.js';
import type { Pos } from '../playbook/types.js';

/** The codes a template problem carries. */
export type TemplateCode = 'TEMPLATE' | 'UNDEFINED_VAR';

// A problem found deep inside parsing or evaluation, before the caller's position is known; it becomes a FerryError at the API edge.
export class TemplateFault extends Error {
  readonly code: TemplateCode;
  readonly hint?: string;
  /** Variables being rendered when the problem arose, outermost first. */
  readonly via: string[] = [];
  /** False for faults that already name their variables (cycles). */
  readonly traceVars: boolean;

  constructor(code: TemplateCode, message: string, hint?: string, traceVars = true) {
    super(message);
    this.name = 'TemplateFault';
    this.code = code;
    this.hint = hint;
    this.traceVars = traceVars;
  }
}

/** Throws a TEMPLATE fault: the one-liner every filter and operator uses. */
export function fail(message: string, hint?: string): never {
  throw new TemplateFault('TEMPLATE', message, hint);
}

let active = 0;

// Public entry points run through here: only the outermost one turns a fault into a FerryError placed at `where`.
export function atPos<T>(where: Pos | undefined, fn: () => T): T {
  active++;
  try {
    return fn();
  } catch (error) {
    if (active > 1) throw error;
    throw toFerryError(error, where);
  } finally {
    active--;
  }
}

function toFerryError(error: unknown, where: Pos | undefined): unknown {
  const place = where ? { file: where.file, line: where.line, col: where.col } : {};
  if (error instanceof TemplateFault) {
    const via = error.traceVars && error.via.length ? ` (while rendering variable '${error.via.join("' -> '")}')` : '';
    return new FerryError(error.code, error.message + via, place, error.hint);
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new FerryError('TEMPLATE', 'template nests too deeply to evaluate', place, 'simplify the expression or the data it reads');
  }
  return error;
}
