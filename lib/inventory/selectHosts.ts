import { evaluatePattern } from './evaluatePattern.js';
import { patternTerms } from './patternTerms.js';
import type { Inventory } from './types.js';

// A play's `hosts:` in Ansible's pattern language: all, *, hosts, groups, a:b / a,b, a:&b, a:!b, wildcards, ~regex.
export function selectHosts(inv: Inventory, pattern: string): string[] {
  return evaluatePattern(inv, patternTerms(pattern)).hosts;
}
