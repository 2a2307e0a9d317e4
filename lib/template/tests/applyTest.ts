import { didYouMean } from '../../playbook/didYouMean.js';
import { bindArgs } from '../filters/defineFilter.js';
import { fail } from '../TemplateFault.js';
import { defined } from '../Undefined.js';
import { findTest, TESTS } from './registry.js';

// Runs one test; only `defined` and `undefined` may look at an undefined value.
export function applyTest(name: string, value: unknown, args: unknown[], kwargs: Record<string, unknown> = {}): boolean {
  const spec = findTest(name);
  if (!spec) return fail(`unknown test '${name}'`, didYouMean(name, TESTS) ?? `ferry's tests: ${TESTS.join(', ')}`);
  const params = bindArgs('test', spec, args, kwargs);
  return spec.run(spec.undefinedOk ? value : defined(value), params);
}
