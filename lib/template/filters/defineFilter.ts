import { fail } from '../TemplateFault.js';

/** Marks a parameter the caller must give. */
export const REQUIRED: unique symbol = Symbol('required');

/** Arguments bound to parameter names (a rest parameter holds an array). */
export type Params = Record<string, unknown>;

/** Lets filters like map and select apply other filters and tests by name. */
export interface FilterContext {
  filter(name: string, value: unknown, args: unknown[], kwargs?: Record<string, unknown>): unknown;
  test(name: string, value: unknown, args: unknown[]): boolean;
}

// What a filter or test accepts: parameters by position or name, an optional rest, keyword-only options.
export interface Signature {
  name: string;
  aliases?: string[];
  params?: Array<[string, unknown]>;
  rest?: string;
  keywords?: Array<[string, unknown]>;
  /** Receives an Undefined instead of failing on one (default, mandatory, is defined). */
  undefinedOk?: boolean;
}

/** A filter: `value | name(args)`. */
export interface FilterSpec extends Signature {
  run(value: unknown, p: Params, ctx: FilterContext): unknown;
}

/** Declares a filter; the identity function, for the type checking and the uniform look of filter files. */
export function defineFilter(spec: FilterSpec): FilterSpec {
  return spec;
}

// Binds call arguments to a signature as Python would, refusing unknown or missing ones with the accepted names.
export function bindArgs(kind: string, sig: Signature, args: unknown[], kwargs: Record<string, unknown>): Params {
  const params = sig.params ?? [];
  const keywords = sig.keywords ?? [];
  const bound: Params = Object.create(null) as Params;
  const label = `${kind} '${sig.name}'`;
  args.forEach((arg, i) => {
    if (i < params.length) bound[params[i][0]] = arg;
    else if (!sig.rest) fail(`${label} takes at most ${params.length} argument${params.length === 1 ? '' : 's'}, got ${args.length}`);
  });
  if (sig.rest) bound[sig.rest] = args.slice(params.length);
  const accepted = [...params, ...keywords].map(([name]) => name);
  for (const [key, value] of Object.entries(kwargs)) {
    if (!accepted.includes(key)) {
      fail(`${label} has no argument '${key}'`, accepted.length ? `it accepts: ${accepted.join(', ')}` : 'it takes no arguments');
    }
    if (key in bound) fail(`${label} got argument '${key}' twice`);
    bound[key] = value;
  }
  for (const [name, fallback] of [...params, ...keywords]) {
    if (name in bound) continue;
    if (fallback === REQUIRED) fail(`${label} needs the argument '${name}'`);
    bound[name] = fallback;
  }
  return bound;
}
