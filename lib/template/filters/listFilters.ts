import { orderOf } from '../eval/compare.js';
import { deepEqual } from '../deepEqual.js';
import { isDict } from '../data.js';
import { isTrue } from '../isTrue.js';
import { toText } from '../toText.js';
import { Undefined } from '../Undefined.js';
import { asList, asNumber, asString } from './argTypes.js';
import { defineFilter } from './defineFilter.js';
import { itemKey } from './itemKey.js';

/** A list, or a string read as its characters (Jinja iterates strings). */
function items(value: unknown, filter: string): unknown[] {
  return typeof value === 'string' ? value.split('') : asList(value, filter);
}

const empty = (filter: string): Undefined =>
  new Undefined(`'| ${filter}' of an empty list is undefined`, 'guard it with | default(...)');

/** Sorting and extremes compare numbers with numbers and strings with strings, as Python does. */
function sorted(list: unknown[], p: Record<string, unknown>): unknown[] {
  const keyed = list.map((item) => ({ item, key: itemKey(item, p.attribute, isTrue(p.case_sensitive)) }));
  return keyed.sort((a, b) => orderOf(a.key, b.key, 'sort')).map((k) => k.item);
}

// Filters over lists: size, ends, joining, ordering, de-duplication and totals.
export const listFilters = [
  defineFilter({
    name: 'length',
    aliases: ['count'],
    run: (v) => (isDict(v) ? Object.keys(v).length : items(v, 'length').length),
  }),
  defineFilter({ name: 'first', run: (v) => (items(v, 'first').length ? items(v, 'first')[0] : empty('first')) }),
  defineFilter({ name: 'last', run: (v) => (items(v, 'last').length ? items(v, 'last').at(-1) : empty('last')) }),
  defineFilter({
    name: 'join',
    params: [['d', ''], ['attribute', null]],
    run: (v, p) => items(v, 'join').map((item) => toText(itemKey(item, p.attribute))).join(asString(p.d, 'join', 'd')),
  }),
  defineFilter({
    name: 'unique',
    keywords: [['case_sensitive', false], ['attribute', null]],
    run: (v, p) => {
      const seen: unknown[] = [];
      return asList(v, 'unique').filter((item) => {
        const key = itemKey(item, p.attribute, isTrue(p.case_sensitive));
        if (seen.some((s) => deepEqual(s, key))) return false;
        seen.push(key);
        return true;
      });
    },
  }),
  defineFilter({
    name: 'sort',
    params: [['reverse', false], ['case_sensitive', false], ['attribute', null]],
    run: (v, p) => {
      const list = sorted(asList(v, 'sort'), p);
      return isTrue(p.reverse) ? list.reverse() : list;
    },
  }),
  defineFilter({
    name: 'reverse',
    run: (v) => (typeof v === 'string' ? v.split('').reverse().join('') : [...asList(v, 'reverse')].reverse()),
  }),
  defineFilter({
    name: 'min',
    keywords: [['case_sensitive', false], ['attribute', null]],
    run: (v, p) => sorted(asList(v, 'min'), p)[0] ?? empty('min'),
  }),
  defineFilter({
    name: 'max',
    keywords: [['case_sensitive', false], ['attribute', null]],
    run: (v, p) => sorted(asList(v, 'max'), p).at(-1) ?? empty('max'),
  }),
  defineFilter({
    name: 'sum',
    params: [['attribute', null], ['start', 0]],
    run: (v, p) => asList(v, 'sum').reduce<number>((total, item) => total + asNumber(itemKey(item, p.attribute), 'sum'), asNumber(p.start, 'sum', 'start')),
  }),
  defineFilter({
    name: 'flatten',
    params: [['levels', null]],
    keywords: [['skip_nulls', true]],
    run: (v, p) => flatten(asList(v, 'flatten'), typeof p.levels === 'number' ? p.levels : Infinity, isTrue(p.skip_nulls)),
  }),
];

function flatten(list: unknown[], levels: number, skipNulls: boolean): unknown[] {
  const out: unknown[] = [];
  for (const item of list) {
    if (Array.isArray(item) && levels > 0) out.push(...flatten(item, levels - 1, skipNulls));
    else if (!(skipNulls && item === null)) out.push(item);
  }
  return out;
}
