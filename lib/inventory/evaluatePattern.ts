import { matchHostTerm } from './matchHostTerm.js';
import type { PatternTerm } from './patternTerms.js';
import type { Inventory } from './types.js';

/** The hosts a pattern selects, and the terms (other than exclusions) that matched nothing, for messages. */
export interface PatternResult {
  hosts: string[];
  unmatched: string[];
}

// Applies terms in Ansible's order (union, then &, then !) and returns the hosts in inventory order, each once.
export function evaluatePattern(inv: Inventory, terms: readonly PatternTerm[], match = matchHostTerm): PatternResult {
  let chosen = new Set<string>();
  const unmatched: string[] = [];
  for (const term of terms) {
    const hosts = new Set(match(inv, term.body));
    if (hosts.size === 0 && term.op !== 'not') unmatched.push(term.text);
    if (term.op === 'union') for (const h of hosts) chosen.add(h);
    else if (term.op === 'and') chosen = new Set([...chosen].filter((h) => hosts.has(h)));
    else chosen = new Set([...chosen].filter((h) => !hosts.has(h)));
  }
  return { hosts: [...inv.hosts.keys()].filter((h) => chosen.has(h)), unmatched };
}
