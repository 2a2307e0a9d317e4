import { maskSecretVars } from './maskSecretVars.js';
import type { Inventory, InventoryGroup } from './types.js';

/** One group as `ansible-inventory --list` shows it: direct hosts and children, empty keys left out. */
export interface ListedGroup {
  hosts?: string[];
  children?: string[];
}

/** The whole `--list` document. */
export interface InventoryListing {
  _meta: { hostvars: Record<string, Record<string, unknown>> };
  [group: string]: ListedGroup | { hostvars: Record<string, Record<string, unknown>> };
}

/** Hosts a group lists itself; inventories built by hand may lack directHosts, so fall back to those no child has. */
export function directHostsOf(inv: Inventory, group: InventoryGroup): string[] {
  if (group.directHosts) return group.directHosts;
  const viaChild = new Set(group.children.flatMap((c) => inv.groups.get(c)?.hosts ?? []));
  return group.hosts.filter((h) => !viaChild.has(h));
}

// The shape of `ansible-inventory --list`, so tools written for Ansible read ferry's inventory; secrets are masked.
export function inventoryListing(inv: Inventory): InventoryListing {
  const hostvars: Record<string, Record<string, unknown>> = {};
  for (const host of inv.hosts.values()) {
    if (Object.keys(host.vars).length > 0) hostvars[host.name] = maskSecretVars(host.vars) as Record<string, unknown>;
  }
  const out: InventoryListing = { _meta: { hostvars } };
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const group = inv.groups.get(name);
    if (!group || seen.has(name)) return;
    seen.add(name);
    const listed: ListedGroup = {};
    const hosts = name === 'all' ? [] : directHostsOf(inv, group);
    if (hosts.length > 0) listed.hosts = [...hosts];
    if (group.children.length > 0) listed.children = [...group.children];
    if (listed.hosts || listed.children) out[name] = listed;
    group.children.forEach(visit);
  };
  visit('all');
  return out;
}
