import { parse, stringify } from 'yaml';
import { isTrue } from '../isTrue.js';
import { fail } from '../TemplateFault.js';
import { toJson } from '../toText.js';
import { asInteger, asString } from './argTypes.js';
import { defineFilter } from './defineFilter.js';

const indentOf = (value: unknown, filter: string): number | undefined =>
  value === null || value === undefined ? undefined : asInteger(value, filter, 'indent');

// JSON and YAML in and out. Parse errors never quote the input: it may be a secret.
export const serializeFilters = [
  defineFilter({
    name: 'to_json',
    keywords: [['indent', null], ['sort_keys', false]],
    run: (v, p) => toJson(v, indentOf(p.indent, 'to_json'), isTrue(p.sort_keys)),
  }),
  defineFilter({
    name: 'to_nice_json',
    keywords: [['indent', 4], ['sort_keys', true]],
    run: (v, p) => toJson(v, indentOf(p.indent, 'to_nice_json'), isTrue(p.sort_keys)),
  }),
  defineFilter({
    name: 'from_json',
    run: (v) => {
      try {
        return JSON.parse(asString(v, 'from_json')) as unknown;
      } catch {
        return fail("filter 'from_json' was given text that is not valid JSON");
      }
    },
  }),
  defineFilter({ name: 'to_yaml', keywords: [['indent', 2]], run: (v, p) => stringify(v, { indent: indentOf(p.indent, 'to_yaml') }) }),
  defineFilter({ name: 'to_nice_yaml', keywords: [['indent', 4]], run: (v, p) => stringify(v, { indent: indentOf(p.indent, 'to_nice_yaml') }) }),
  defineFilter({
    name: 'from_yaml',
    run: (v) => {
      try {
        return parse(asString(v, 'from_yaml')) as unknown;
      } catch {
        return fail("filter 'from_yaml' was given text that is not valid YAML");
      }
    },
  }),
];
