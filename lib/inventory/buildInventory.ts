import type { Inventory, InventoryGroup, InventoryHost } from './types.js';
import type { RawInventory } from './RawInventory.js';
import type { DirVars } from './readInventoryVarFiles.js';
import { groupDepths, sortGroups } from './sortGroups.js';
import { mergeLayers, type VarLayer } from './VarLayer.js';

/** The groups a host is in: the ones listing it and every ancestor of those. */
function groupsOfHost(raw: RawInventory, host: string): Set<string> {
  const out = new Set<string>();
  const climb = (name: string): void => {
    if (out.has(name)) return;
    out.add(name);
    for (const parent of raw.groups.get(name)?.parents ?? []) climb(parent);
  };
  for (const group of raw.groups.values()) if (group.hosts.includes(host)) climb(group.name);
  return out;
}

/** The resolved inventory, plus each host's merged variables with the place each value came from. */
export interface BuiltInventory {
  inventory: Inventory;
  layers: Map<string, VarLayer>;
}

// Merges every source in Ansible's default precedence (VARIABLE_PRECEDENCE), lowest first:
// all's inline vars, other groups' inline vars, group_vars/all beside the inventory then the playbook,
// group_vars/<group> beside the inventory then the playbook, the host's inline vars, host_vars beside the inventory then the playbook.
export function buildInventory(file: string, raw: RawInventory, vars: { inventory: DirVars; playbook?: DirVars }): BuiltInventory {
  const depths = groupDepths(raw);
  const { inventory: inv, playbook: pb } = vars;
  const hosts = new Map<string, InventoryHost>();
  const layers = new Map<string, VarLayer>();
  for (const host of raw.hostOrder) {
    const member = groupsOfHost(raw, host);
    const sorted = sortGroups([...member].filter((g) => g !== 'all'), raw, depths);
    const merged = mergeLayers([
      raw.groups.get('all')?.vars,
      ...sorted.map((g) => raw.groups.get(g)?.vars),
      inv.groups.get('all'),
      pb?.groups.get('all'),
      ...sorted.map((g) => inv.groups.get(g)),
      ...sorted.map((g) => pb?.groups.get(g)),
      raw.hostVars.get(host),
      inv.hosts.get(host),
      pb?.hosts.get(host),
    ]);
    layers.set(host, merged);
    hosts.set(host, { name: host, vars: merged.vars, groups: ['all', ...sorted] });
  }
  const groups = new Map<string, InventoryGroup>();
  const below = (name: string, seen = new Set<string>()): Set<string> => {
    seen.add(name);
    for (const child of raw.groups.get(name)?.children ?? []) if (!seen.has(child)) below(child, seen);
    return seen;
  };
  for (const group of raw.groups.values()) {
    const family = below(group.name);
    const members = new Set([...family].flatMap((g) => raw.groups.get(g)?.hosts ?? []));
    groups.set(group.name, {
      name: group.name,
      children: [...group.children],
      hosts: group.name === 'all' ? [...raw.hostOrder] : raw.hostOrder.filter((h) => members.has(h)),
      directHosts: [...group.hosts],
      vars: mergeLayers([group.vars, inv.groups.get(group.name), pb?.groups.get(group.name)]).vars,
    });
  }
  return { inventory: { file, hosts, groups }, layers };
}
