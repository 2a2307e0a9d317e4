import type { Params, Signature } from '../filters/defineFilter.js';

/** A test: `value is name(args)`, answering yes or no. */
export interface TestSpec extends Signature {
  run(value: unknown, p: Params): boolean;
}

// Declares a test; the identity function, for type checking and a uniform look.
export function defineTest(spec: TestSpec): TestSpec {
  return spec;
}
