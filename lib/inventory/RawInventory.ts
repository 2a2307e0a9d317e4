import type { Pos } from '../playbook/types.js';
import { emptyLayer, setVar, type VarLayer } from './VarLayer.js';

/** A group as written in the inventory file, before variables from group_vars are merged. */
export interface RawGroup {
  name: string;
  /** Direct children, in the order first written. */
  children: string[];
  parents: Set<string>;
  /** Hosts listed in this group itself, in the order first written. */
  hosts: string[];
  vars: VarLayer;
  /** ansible_group_priority: among groups of equal depth, a higher one's vars win. */
  priority: number;
}

// The inventory file's structure, as the YAML walk finds it: groups, edges, hosts and inline variables.
export interface RawInventory {
  groups: Map<string, RawGroup>;
  /** Every host in the order first met. */
  hostOrder: string[];
  hostVars: Map<string, VarLayer>;
}

/** An inventory with only Ansible's two implicit groups: all, and its child ungrouped. */
export function emptyRawInventory(): RawInventory {
  const raw: RawInventory = { groups: new Map(), hostOrder: [], hostVars: new Map() };
  ensureGroup(raw, 'all');
  addEdge(raw, 'all', ensureGroup(raw, 'ungrouped').name);
  return raw;
}

/** The group of that name, created empty on first mention. */
export function ensureGroup(raw: RawInventory, name: string): RawGroup {
  let group = raw.groups.get(name);
  if (!group) {
    group = { name, children: [], parents: new Set(), hosts: [], vars: emptyLayer(), priority: 1 };
    raw.groups.set(name, group);
  }
  return group;
}

/** Makes `child` a child of `parent` (no cycle check: see groupCycle). */
export function addEdge(raw: RawInventory, parent: string, child: string): void {
  const p = ensureGroup(raw, parent);
  if (!p.children.includes(child)) p.children.push(child);
  ensureGroup(raw, child).parents.add(parent);
}

/** Lists a host in a group; a host met again is the same host, its variables layered in file order. */
export function addHost(raw: RawInventory, group: string, host: string, vars: VarLayer): void {
  if (!raw.hostVars.has(host)) {
    raw.hostOrder.push(host);
    raw.hostVars.set(host, emptyLayer());
  }
  const g = ensureGroup(raw, group);
  if (!g.hosts.includes(host)) g.hosts.push(host);
  const layer = raw.hostVars.get(host) as VarLayer;
  for (const [name, value] of Object.entries(vars.vars)) setVar(layer, name, value, vars.pos[name] as Pos);
}
