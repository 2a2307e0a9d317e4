import { isDict } from '../data.js';
import { toText } from '../toText.js';
import { asList } from './argTypes.js';
import { defineFilter } from './defineFilter.js';

/** Ansible's truthy words for `| bool`; anything else is false. */
const YES = ['yes', 'on', '1', 'true'];

/** The Python type names Ansible users compare `type_debug` against. */
function pythonType(value: unknown): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'list';
  return isDict(value) ? 'dict' : 'object';
}

// Conversions between types, with Ansible's rules (`'yes' | bool` is true, `'no' | bool` false).
export const typeFilters = [
  defineFilter({
    name: 'bool',
    run: (v) => {
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v === 1;
      return typeof v === 'string' && YES.includes(v.trim().toLowerCase());
    },
  }),
  defineFilter({ name: 'string', run: (v) => toText(v) }),
  defineFilter({
    name: 'list',
    run: (v) => {
      if (typeof v === 'string') return v.split('');
      if (isDict(v)) return Object.keys(v);
      return [...asList(v, 'list')];
    },
  }),
  defineFilter({ name: 'type_debug', run: (v) => pythonType(v) }),
];
