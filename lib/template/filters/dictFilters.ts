import { type Dict, isDict, refuseForbidden } from '../data.js';
import { isTrue } from '../isTrue.js';
import { fail } from '../TemplateFault.js';
import { asDict, asList, asString } from './argTypes.js';
import { defineFilter } from './defineFilter.js';

const LIST_MERGES = ['replace', 'keep', 'append', 'prepend'];

/** Sets a key on a fresh dict, refusing the keys that would reach a prototype. */
function put(dict: Dict, key: string, value: unknown): void {
  refuseForbidden(key);
  dict[key] = value;
}

// Dict filters: to and from lists of {key, value}, and Ansible's combine (later dicts win, optionally deep).
export const dictFilters = [
  defineFilter({
    name: 'dict2items',
    keywords: [['key_name', 'key'], ['value_name', 'value']],
    run: (v, p) => {
      const [k, val] = [asString(p.key_name, 'dict2items', 'key_name'), asString(p.value_name, 'dict2items', 'value_name')];
      return Object.entries(asDict(v, 'dict2items')).map(([key, value]) => ({ [k]: key, [val]: value }));
    },
  }),
  defineFilter({
    name: 'items2dict',
    keywords: [['key_name', 'key'], ['value_name', 'value']],
    run: (v, p) => {
      const out: Dict = {};
      for (const item of asList(v, 'items2dict')) {
        const entry = asDict(item, 'items2dict');
        const key = entry[asString(p.key_name, 'items2dict', 'key_name')];
        if (typeof key !== 'string' && typeof key !== 'number') fail(`filter 'items2dict' found an item without a string '${String(p.key_name)}'`);
        put(out, String(key), entry[asString(p.value_name, 'items2dict', 'value_name')]);
      }
      return out;
    },
  }),
  defineFilter({
    name: 'combine',
    rest: 'others',
    keywords: [['recursive', false], ['list_merge', 'replace']],
    run: (v, p) => {
      const mode = asString(p.list_merge, 'combine', 'list_merge');
      if (!LIST_MERGES.includes(mode)) fail(`filter 'combine' has no list_merge '${mode}'`, `use one of: ${LIST_MERGES.join(', ')}`);
      const dicts = [...(Array.isArray(v) ? v : [v]), ...(p.others as unknown[])].map((d) => asDict(d, 'combine'));
      return dicts.reduce<Dict>((acc, d) => merge(acc, d, isTrue(p.recursive), mode), {});
    },
  }),
];

function merge(a: Dict, b: Dict, recursive: boolean, mode: string): Dict {
  const out: Dict = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const old = out[key];
    if (recursive && isDict(old) && isDict(value)) put(out, key, merge(old, value, recursive, mode));
    else if (Array.isArray(old) && Array.isArray(value)) put(out, key, mergeLists(old, value, mode));
    else put(out, key, value);
  }
  return out;
}

function mergeLists(old: unknown[], next: unknown[], mode: string): unknown[] {
  if (mode === 'keep') return old;
  if (mode === 'append') return [...old, ...next];
  if (mode === 'prepend') return [...next, ...old];
  return next;
}
