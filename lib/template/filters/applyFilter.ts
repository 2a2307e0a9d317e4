import { didYouMean } from '../../playbook/didYouMean.js';
import { applyTest } from '../tests/applyTest.js';
import { fail } from '../TemplateFault.js';
import { defined } from '../Undefined.js';
import { bindArgs, type FilterContext } from './defineFilter.js';
import { FILTERS, findFilter } from './registry.js';

const context: FilterContext = {
  filter: (name, value, args, kwargs = {}) => applyFilter(name, value, args, kwargs),
  test: (name, value, args) => applyTest(name, value, args),
};

// Runs one filter: binds its arguments, refuses an undefined input unless the filter handles it (default).
export function applyFilter(name: string, value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const spec = findFilter(name);
  if (!spec) return fail(`unknown filter '${name}'`, didYouMean(name, FILTERS) ?? `ferry's filters: ${FILTERS.join(', ')}`);
  const params = bindArgs('filter', spec, args, kwargs);
  return spec.run(spec.undefinedOk ? value : defined(value), params, context);
}
