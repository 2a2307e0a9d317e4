import { FerryError } from '../errors/FerryError.js';
import { applySymbolic, parseSymbolic, type SymbolicStep } from './symbolicMode.js';

/** A mode argument, understood: octal bits, or symbolic steps that need the current mode to resolve. */
export type ModeSpec =
  | { kind: 'octal'; text: string; bits: number }
  | { kind: 'symbolic'; text: string; steps: SymbolicStep[] };

const OCTAL = /^(?:0o|0)?([0-7]{3,4})$/;

// A mode comes from YAML, where 0640 unquoted is the decimal number 640: only strings are accepted, with a hint that says so.
export function parseMode(value: unknown, arg = 'mode'): ModeSpec {
  if (typeof value === 'number') {
    const digits = String(value);
    const meant = /^[0-7]{3,4}$/.test(digits) ? `0${digits}`.slice(-4) : '0640';
    throw new FerryError(
      'MODULE',
      `${arg} ${value} is a number: YAML reads an unquoted 0${digits} as decimal ${digits}, not as octal`,
      {},
      `quote the mode: ${arg}: '${meant}'`,
    );
  }
  if (typeof value !== 'string') throw invalid(arg, String(value));
  const text = value.trim();
  const octal = OCTAL.exec(text);
  if (octal) return { kind: 'octal', text, bits: parseInt(octal[1], 8) };
  const steps = parseSymbolic(text);
  if (steps) return { kind: 'symbolic', text, steps };
  throw invalid(arg, text);
}

/** The mode a path ends up with: octal as is, symbolic applied to what is there now (or to the default of a new path). */
export function resolveMode(spec: ModeSpec, current: number, isDir: boolean): number {
  return spec.kind === 'octal' ? spec.bits : applySymbolic(spec.steps, current, isDir);
}

// Modes are always shown the same way in changes and results: four octal digits, '0640'.
export function formatMode(bits: number): string {
  return (bits & 0o7777).toString(8).padStart(4, '0');
}

function invalid(arg: string, text: string): FerryError {
  return new FerryError('MODULE', `${arg} '${text}' is not a file mode`, {}, `use octal like '0640' or symbolic like 'u=rw,g=r,o='`);
}
