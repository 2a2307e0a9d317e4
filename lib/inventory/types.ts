/** One host of the inventory with its variables already merged in Ansible's precedence. */
export interface InventoryHost {
  name: string;
  /** Merged: all vars < parent group < child group < host vars. */
  vars: Record<string, unknown>;
  /** Every group the host is in, ancestors included, `all` first. */
  groups: string[];
}

export interface InventoryGroup {
  name: string;
  /** Direct child groups. */
  children: string[];
  /** Every host in the group or any descendant, in inventory order. */
  hosts: string[];
  /** Hosts listed in the group itself (not through a child), in the order written: what --list and --graph show. */
  directHosts?: string[];
  vars: Record<string, unknown>;
}

// The resolved inventory: hosts in file order, groups with their full membership.
export interface Inventory {
  file: string;
  hosts: Map<string, InventoryHost>;
  groups: Map<string, InventoryGroup>;
}
