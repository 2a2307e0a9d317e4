import { FerryError } from '../errors/FerryError.js';
import { globToRegExp, isGlob } from './globToRegExp.js';
import type { Inventory } from './types.js';

/** `web[0]`, `web[-1]`, `web[1:3]`, `web[2:]`: a pattern followed by an index or an inclusive range. */
const SUBSCRIPT = /^(.+)\[(?:(-?\d+)|(\d+):(\d*))\]$/;

function hostsOfGroups(inv: Inventory, match: (name: string) => boolean): string[] {
  return [...inv.groups.values()].filter((g) => match(g.name)).flatMap((g) => g.hosts);
}

function regexOf(body: string): RegExp {
  try {
    return new RegExp(`^(?:${body})`);
  } catch {
    throw new FerryError('LIMIT', `host pattern '~${body}' is not a valid regular expression`, {}, "after '~' comes a regular expression, e.g. '~web\\d+'");
  }
}

/** Hosts one term names, before any subscript, in inventory order. */
function matchPlain(inv: Inventory, body: string): string[] {
  const all = [...inv.hosts.keys()];
  if (body === 'all' || body === '*') return all;
  if (inv.hosts.has(body)) return [body];
  const wild = body.startsWith('~') ? regexOf(body.slice(1)) : isGlob(body) ? globToRegExp(body) : undefined;
  if (!wild) return inv.groups.get(body)?.hosts ?? [];
  const found = new Set([...hostsOfGroups(inv, (g) => wild.test(g)), ...all.filter((h) => wild.test(h))]);
  return all.filter((h) => found.has(h));
}

// One pattern term: a host, a group, `all`/`*`, a wildcard, a `~regex`, each optionally subscripted like `web[0:2]`.
export function matchHostTerm(inv: Inventory, body: string): string[] {
  const sub = body.startsWith('~') ? null : SUBSCRIPT.exec(body);
  if (!sub || inv.hosts.has(body)) return matchPlain(inv, body);
  const hosts = matchPlain(inv, sub[1]);
  if (sub[2] !== undefined) {
    const i = Number(sub[2]);
    const host = hosts[i < 0 ? hosts.length + i : i];
    return host === undefined ? [] : [host];
  }
  const start = Number(sub[3]);
  const end = sub[4] === '' ? hosts.length - 1 : Number(sub[4]);
  return hosts.slice(start, end + 1);
}
