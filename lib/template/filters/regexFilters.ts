import { isTrue } from '../isTrue.js';
import { asInteger, asString } from './argTypes.js';
import { defineFilter, type Params, REQUIRED } from './defineFilter.js';
import { checkSubject, compileRegex, expandReplacement, substitute } from './pythonRegex.js';

const FLAGS: Array<[string, unknown]> = [['ignorecase', false], ['multiline', false]];

function regexOf(p: Params, filter: string, global: boolean): RegExp {
  const options = { ignorecase: isTrue(p.ignorecase), multiline: isTrue(p.multiline), global };
  return compileRegex(asString(p.pattern, filter, 'pattern'), `filter '${filter}'`, options);
}

/** Group names or numbers from `'\\1'` / `'\\g<name>'` arguments of regex_search. */
function groupRef(arg: unknown): string {
  const text = asString(arg, 'regex_search', 'group');
  return /^\\g<(\w+)>$/.exec(text)?.[1] ?? /^\\(\d+)$/.exec(text)?.[1] ?? text;
}

// Regex filters with Python's pattern and replacement syntax (Ansible compatible); each subject is capped at 1 MiB.
export const regexFilters = [
  defineFilter({
    name: 'regex_replace',
    params: [['pattern', REQUIRED], ['replacement', ''], ...FLAGS, ['count', 0]],
    run: (v, p) => {
      const subject = checkSubject(asString(v, 'regex_replace'), "filter 'regex_replace'");
      const replacement = asString(p.replacement, 'regex_replace', 'replacement');
      const re = regexOf(p, 'regex_replace', true);
      return substitute(subject, re, (m) => expandReplacement(replacement, m), asInteger(p.count, 'regex_replace', 'count'));
    },
  }),
  defineFilter({
    name: 'regex_search',
    params: [['pattern', REQUIRED]],
    rest: 'groups',
    keywords: FLAGS,
    run: (v, p) => {
      const subject = checkSubject(asString(v, 'regex_search'), "filter 'regex_search'");
      const match = regexOf(p, 'regex_search', false).exec(subject);
      const groups = p.groups as unknown[];
      if (!match) return groups.length ? [] : null;
      if (!groups.length) return match[0];
      return groups.map(groupRef).map((ref) => (/^\d+$/.test(ref) ? match[Number(ref)] : match.groups?.[ref]) ?? null);
    },
  }),
  defineFilter({
    name: 'regex_findall',
    params: [['pattern', REQUIRED]],
    keywords: FLAGS,
    run: (v, p) => {
      const subject = checkSubject(asString(v, 'regex_findall'), "filter 'regex_findall'");
      const matches = [...subject.matchAll(regexOf(p, 'regex_findall', true))];
      return matches.map((m) => (m.length === 1 ? m[0] : m.length === 2 ? (m[1] ?? '') : m.slice(1).map((g) => g ?? '')));
    },
  }),
  defineFilter({
    name: 'regex_escape',
    run: (v) => asString(v, 'regex_escape').replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
  }),
];
