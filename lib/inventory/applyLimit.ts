import { readFileSync } from 'node:fs';
import { FerryError } from '../errors/FerryError.js';
import { evaluatePattern } from './evaluatePattern.js';
import { matchHostTerm } from './matchHostTerm.js';
import { patternTerms } from './patternTerms.js';
import type { Inventory } from './types.js';

/** Host names of a limit file (a retry file): one per line, blank lines and # comments skipped. */
function limitFileHosts(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
    throw new FerryError('LIMIT', `limit file '${file}' ${reason}`, {}, "'--limit @FILE' reads one host name per line");
  }
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** A term of a limit: a pattern term, or `@file` meaning every host named in that file. */
function matchLimitTerm(inv: Inventory, body: string): string[] {
  if (!body.startsWith('@')) return matchHostTerm(inv, body);
  const named = new Set(limitFileHosts(body.slice(1)).flatMap((name) => matchHostTerm(inv, name)));
  return [...inv.hosts.keys()].filter((h) => named.has(h));
}

// --limit narrows a play's hosts with the same patterns (plus @retry-file); a limit that leaves nothing is an error, not a silent no-op.
export function applyLimit(inv: Inventory, hosts: string[], limit: string): string[] {
  const { hosts: allowed, unmatched } = evaluatePattern(inv, patternTerms(limit), matchLimitTerm);
  const keep = new Set(allowed);
  const out = hosts.filter((h) => keep.has(h));
  if (out.length > 0) return out;
  const hint = "'ferry inventory --graph' lists the inventory's groups and hosts";
  if (unmatched.length > 0) {
    const which = unmatched.map((t) => `'${t}'`).join(', ');
    throw new FerryError('LIMIT', `--limit '${limit}': ${which} matched no host of the inventory`, {}, hint);
  }
  const shown = hosts.length > 5 ? `${hosts.slice(0, 5).join(', ')}, …` : hosts.join(', ') || 'none';
  throw new FerryError('LIMIT', `--limit '${limit}' leaves none of the play's hosts (${shown})`, {}, hint);
}
