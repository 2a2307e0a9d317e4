import { fail } from '../TemplateFault.js';
import { asInteger, asString, optString } from './argTypes.js';
import { defineFilter } from './defineFilter.js';

// Text filters; they accept strings (and numbers, read as text) and refuse lists and dicts.
export const stringFilters = [
  defineFilter({ name: 'lower', run: (v) => asString(v, 'lower').toLowerCase() }),
  defineFilter({ name: 'upper', run: (v) => asString(v, 'upper').toUpperCase() }),
  defineFilter({
    name: 'capitalize',
    run: (v) => {
      const s = asString(v, 'capitalize');
      return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
    },
  }),
  defineFilter({
    name: 'title',
    run: (v) => asString(v, 'title').split(/([-\s({[<]+)/).map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(''),
  }),
  defineFilter({
    name: 'trim',
    params: [['chars', null]],
    run: (v, p) => {
      const s = asString(v, 'trim');
      const chars = optString(p.chars, 'trim', 'chars');
      if (chars === undefined) return s.trim();
      let start = 0;
      let end = s.length;
      while (start < end && chars.includes(s[start])) start++;
      while (end > start && chars.includes(s[end - 1])) end--;
      return s.slice(start, end);
    },
  }),
  defineFilter({
    name: 'replace',
    params: [['old', ''], ['new', ''], ['count', null]],
    run: (v, p) => {
      const old = asString(p.old, 'replace', 'old');
      if (old === '') fail("filter 'replace' needs a non-empty string to replace");
      const parts = asString(v, 'replace').split(old);
      const replacement = asString(p.new, 'replace', 'new');
      if (p.count === null || p.count === undefined) return parts.join(replacement);
      const n = Math.max(0, asInteger(p.count, 'replace', 'count'));
      return [parts.slice(0, n + 1).join(replacement), ...parts.slice(n + 1)].join(old);
    },
  }),
  defineFilter({
    name: 'split',
    params: [['sep', null], ['maxsplit', -1]],
    run: (v, p) => split(asString(v, 'split'), optString(p.sep, 'split', 'sep'), asInteger(p.maxsplit, 'split', 'maxsplit')),
  }),
  defineFilter({
    name: 'indent',
    params: [['width', 4], ['first', false], ['blank', false]],
    run: (v, p) => {
      const pad = typeof p.width === 'string' ? p.width : ' '.repeat(Math.max(0, asInteger(p.width, 'indent', 'width')));
      const lines = asString(v, 'indent').split('\n');
      return lines.map((line, i) => ((i === 0 && !p.first) || (!p.blank && line.trim() === '') ? line : pad + line)).join('\n');
    },
  }),
];

// Python's str.split: no separator splits on runs of whitespace and drops empty words; maxsplit bounds the cuts.
function split(s: string, sep: string | undefined, maxsplit: number): string[] {
  if (sep === '') fail("filter 'split' cannot split on an empty separator");
  if (sep !== undefined) {
    const parts = s.split(sep);
    if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
    return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
  }
  const words: string[] = [];
  let rest = s.replace(/^\s+/, '');
  while (rest) {
    if (maxsplit >= 0 && words.length === maxsplit) {
      words.push(rest);
      break;
    }
    const gap = /\s+/.exec(rest);
    if (!gap) {
      words.push(rest);
      break;
    }
    words.push(rest.slice(0, gap.index));
    rest = rest.slice(gap.index + gap[0].length);
  }
  return words;
}
