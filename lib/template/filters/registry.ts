import type { FilterSpec } from './defineFilter.js';
import { dictFilters } from './dictFilters.js';
import { encodingFilters } from './encodingFilters.js';
import { higherOrderFilters } from './higherOrderFilters.js';
import { listFilters } from './listFilters.js';
import { numberFilters } from './numberFilters.js';
import { pathFilters } from './pathFilters.js';
import { regexFilters } from './regexFilters.js';
import { serializeFilters } from './serializeFilters.js';
import { setFilters } from './setFilters.js';
import { stringFilters } from './stringFilters.js';
import { typeFilters } from './typeFilters.js';
import { valueFilters } from './valueFilters.js';

const ALL: FilterSpec[] = [
  ...valueFilters, ...stringFilters, ...listFilters, ...setFilters, ...dictFilters, ...numberFilters,
  ...typeFilters, ...encodingFilters, ...serializeFilters, ...regexFilters, ...pathFilters, ...higherOrderFilters,
];

const BY_NAME = new Map<string, FilterSpec>();
for (const spec of ALL) for (const name of [spec.name, ...(spec.aliases ?? [])]) BY_NAME.set(name, spec);

/** The filter a name (or alias) stands for. */
export function findFilter(name: string): FilterSpec | undefined {
  return BY_NAME.get(name);
}

// Every filter name and alias, sorted: the parser checks names against it and suggests the nearest on a typo.
export const FILTERS: readonly string[] = Object.freeze([...BY_NAME.keys()].sort());
