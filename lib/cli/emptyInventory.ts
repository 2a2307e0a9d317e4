import type { Inventory } from '../inventory/types.js';

// `ferry validate` without -i: no hosts, so the template checks stay but names an inventory could define are not judged.
export function emptyInventory(): Inventory {
  return { file: '', hosts: new Map(), groups: new Map([['all', { name: 'all', children: [], hosts: [], directHosts: [], vars: {} }]]) };
}
