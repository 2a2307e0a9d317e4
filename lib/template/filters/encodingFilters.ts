import { createHash } from 'node:crypto';
import { isDict } from '../data.js';
import { fail } from '../TemplateFault.js';
import { toText } from '../toText.js';
import { asString } from './argTypes.js';
import { defineFilter } from './defineFilter.js';

const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

function digest(value: unknown, algorithm: string, filter: string): string {
  if (!HASHES.includes(algorithm)) fail(`filter '${filter}' has no algorithm '${algorithm}'`, `use one of: ${HASHES.join(', ')}`);
  return createHash(algorithm).update(asString(value, filter), 'utf8').digest('hex');
}

/** Python's shlex.quote: safe words stay bare, anything else is single-quoted with `'` written as '"'"'. */
export function shellQuote(text: string): string {
  if (text === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'"'"'`)}'`;
}

/** Percent-encoding as Jinja's urlencode does: `/` kept in strings, dicts become a query string. */
function urlencode(value: unknown): string {
  const enc = (s: string, safe: RegExp): string => encodeURIComponent(s).replace(safe, (m) => decodeURIComponent(m));
  if (isDict(value)) {
    return Object.entries(value).map(([k, v]) => `${enc(k, /^$/)}=${enc(toText(v), /^$/)}`).join('&');
  }
  return enc(asString(value, 'urlencode'), /%2F/g).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Encodings and digests: base64, shell quoting, URL encoding and hashes of text.
export const encodingFilters = [
  defineFilter({ name: 'b64encode', run: (v) => Buffer.from(asString(v, 'b64encode'), 'utf8').toString('base64') }),
  defineFilter({
    name: 'b64decode',
    run: (v) => {
      const text = asString(v, 'b64decode').replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) fail("filter 'b64decode' was given text that is not base64");
      return Buffer.from(text, 'base64').toString('utf8');
    },
  }),
  defineFilter({ name: 'quote', run: (v) => shellQuote(toText(v)) }),
  defineFilter({ name: 'urlencode', run: (v) => urlencode(v) }),
  defineFilter({ name: 'hash', params: [['algorithm', 'sha1']], run: (v, p) => digest(v, asString(p.algorithm, 'hash', 'algorithm'), 'hash') }),
  defineFilter({ name: 'checksum', run: (v) => digest(v, 'sha1', 'checksum') }),
  defineFilter({ name: 'md5', run: (v) => digest(v, 'md5', 'md5') }),
  defineFilter({ name: 'sha1', run: (v) => digest(v, 'sha1', 'sha1') }),
  defineFilter({ name: 'sha256', run: (v) => digest(v, 'sha256', 'sha256') }),
];
