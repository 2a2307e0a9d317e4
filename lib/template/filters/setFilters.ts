import { deepEqual } from '../deepEqual.js';
import { asList } from './argTypes.js';
import { defineFilter, REQUIRED } from './defineFilter.js';

function uniq(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of list) if (!out.some((o) => deepEqual(o, item))) out.push(item);
  return out;
}

const has = (list: unknown[], item: unknown): boolean => list.some((x) => deepEqual(x, item));

/** Declares a set filter: both sides lists, the result in the order of first appearance, without repeats. */
function setFilter(name: string, combine: (a: unknown[], b: unknown[]) => unknown[]) {
  return defineFilter({
    name,
    params: [['other', REQUIRED]],
    run: (v, p) => uniq(combine(asList(v, name), asList(p.other, name, 'other'))),
  });
}

// Ansible's set filters over lists, comparing items by content.
export const setFilters = [
  setFilter('union', (a, b) => [...a, ...b]),
  setFilter('intersect', (a, b) => a.filter((x) => has(b, x))),
  setFilter('difference', (a, b) => a.filter((x) => !has(b, x))),
  setFilter('symmetric_difference', (a, b) => [...a.filter((x) => !has(b, x)), ...b.filter((x) => !has(a, x))]),
];
