import { getPath } from '../eval/access.js';
import { isTrue } from '../isTrue.js';
import { fail } from '../TemplateFault.js';
import { defined, Undefined } from '../Undefined.js';
import { asList, asString } from './argTypes.js';
import { defineFilter, type FilterContext, type Params, REQUIRED } from './defineFilter.js';

/** Marks an argument the caller did not give, where none (null) is a meaningful value. */
const ABSENT = Symbol('absent');

function mapItem(item: unknown, p: Params, ctx: FilterContext): unknown {
  if (typeof p.attribute === 'string') {
    const value = getPath(item, p.attribute);
    return value instanceof Undefined && p.default !== ABSENT ? p.default : defined(value);
  }
  return ctx.filter(asString(p.filter, 'map', 'filter'), item, p.args as unknown[]);
}

/** Keeps or drops items by a named test (or by truthiness when none is named). */
function choose(keep: boolean, filter: string) {
  return (v: unknown, p: Params, ctx: FilterContext): unknown[] =>
    asList(v, filter).filter((item) => {
      const value = typeof p.attribute === 'string' ? getPath(item, p.attribute) : item;
      const passes = p.test === null ? isTrue(defined(value)) : ctx.test(asString(p.test, filter, 'test'), value, p.args as unknown[]);
      return passes === keep;
    });
}

// Filters that apply another filter or test to each item: map, select, reject, selectattr, rejectattr.
export const higherOrderFilters = [
  defineFilter({
    name: 'map',
    params: [['filter', null]],
    rest: 'args',
    keywords: [['attribute', null], ['default', ABSENT]],
    run: (v, p, ctx) => {
      if (p.filter === null && typeof p.attribute !== 'string') {
        fail("filter 'map' needs a filter name or attribute=", "write map('lower') or map(attribute='name')");
      }
      return asList(v, 'map').map((item) => mapItem(item, p, ctx));
    },
  }),
  defineFilter({ name: 'select', params: [['test', null]], rest: 'args', run: choose(true, 'select') }),
  defineFilter({ name: 'reject', params: [['test', null]], rest: 'args', run: choose(false, 'reject') }),
  defineFilter({ name: 'selectattr', params: [['attribute', REQUIRED], ['test', null]], rest: 'args', run: choose(true, 'selectattr') }),
  defineFilter({ name: 'rejectattr', params: [['attribute', REQUIRED], ['test', null]], rest: 'args', run: choose(false, 'rejectattr') }),
];
