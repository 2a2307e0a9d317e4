import { readFileSync, statSync } from 'node:fs';
import { MAX_SOURCE_BYTES } from '../playbook/readSourceText.js';
import { parse } from 'yaml';
import { FerryError } from '../errors/FerryError.js';

// `-e key=value`, `-e @vars.yml` and `-e '{"json": true}'`, merged left to right like ansible-playbook's.
export function parseExtraVars(args: readonly string[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const arg of args) Object.assign(merged, parseOne(arg));
  return merged;
}

function parseOne(arg: string): Record<string, unknown> {
  const text = arg.trim();
  if (text.startsWith('@')) return fromFile(text.slice(1));
  if (text.startsWith('{')) return asMapping(parseText(text, `-e ${text.slice(0, 20)}…`), `-e ${text.slice(0, 20)}…`);
  const out: Record<string, unknown> = {};
  for (const pair of splitWords(text)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new FerryError('USAGE', `-e '${pair}' is not key=value`, {}, 'write -e name=value, -e @file.yml or -e \'{"name": "value"}\'');
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

function fromFile(file: string): Record<string, unknown> {
  let src: string;
  try {
    // A FIFO would block and a device never ends: only a regular file of sane size is read.
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_SOURCE_BYTES) {
      const why = st.isFile() ? `is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MiB` : 'is not a regular file';
      throw new FerryError('USAGE', `extra vars file ${file} ${why}`, { file }, 'give -e @ a YAML or JSON file');
    }
    src = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof FerryError) throw err;
    throw new FerryError('FILE_NOT_FOUND', `extra vars file ${file} cannot be read`, { file }, 'check the path after -e @');
  }
  return asMapping(parseText(src, file), file);
}

function parseText(src: string, where: string): unknown {
  try {
    return parse(src, { maxAliasCount: 100 });
  } catch (err) {
    throw new FerryError('YAML_SYNTAX', `extra vars in ${where} do not parse: ${(err as Error).message.split('\n')[0]}`, {}, 'fix the YAML or JSON');
  }
}

function asMapping(value: unknown, where: string): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FerryError('USAGE', `extra vars in ${where} must be a mapping of names to values`, {}, 'write name: value pairs');
  }
  return value as Record<string, unknown>;
}

/** Splits on spaces, keeping quoted values ('a b' or "a b") whole. */
function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g)) words.push(m[0].replace(/'([^']*)'|"([^"]*)"/g, '$1$2'));
  return words;
}
