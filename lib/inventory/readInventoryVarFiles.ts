import path from 'node:path';
import type { Problems } from '../playbook/Problems.js';
import type { RawInventory } from './RawInventory.js';
import { readNamedVars } from './readNamedVars.js';
import type { VarLayer } from './VarLayer.js';

/** group_vars and host_vars found beside one directory (the inventory's or the playbook's). */
export interface DirVars {
  groups: Map<string, VarLayer>;
  hosts: Map<string, VarLayer>;
}

/** Reads group_vars/<group> and host_vars/<host> of every group and host the inventory names, under `dir`. */
async function varsBeside(dir: string, raw: RawInventory, problems: Problems): Promise<DirVars> {
  const out: DirVars = { groups: new Map(), hosts: new Map() };
  for (const group of raw.groups.keys()) {
    const layer = await readNamedVars(path.join(dir, 'group_vars'), group, problems);
    if (layer) out.groups.set(group, layer);
  }
  for (const host of raw.hostOrder) {
    const layer = await readNamedVars(path.join(dir, 'host_vars'), host, problems);
    if (layer) out.hosts.set(host, layer);
  }
  return out;
}

// Variables beside the inventory, then beside the playbook (one directory read once when both are the same).
export async function readInventoryVarFiles(
  raw: RawInventory,
  inventoryDir: string,
  playbookDir: string | undefined,
  problems: Problems,
): Promise<{ inventory: DirVars; playbook?: DirVars }> {
  const inventory = await varsBeside(inventoryDir, raw, problems);
  if (playbookDir === undefined || path.resolve(playbookDir) === path.resolve(inventoryDir)) return { inventory };
  return { inventory, playbook: await varsBeside(playbookDir, raw, problems) };
}
