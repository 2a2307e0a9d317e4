import { stringify } from 'yaml';
import type { InventoryVars, LabHost } from './types.js';

// The lab as an Ansible YAML inventory, so every ferry entry point can be pointed at the lab hosts as they are.
export function inventoryYaml(hosts: readonly LabHost[], keyFile: string, vars: InventoryVars = {}): string {
  const hostVars = Object.fromEntries(
    hosts.map((h) => [
      h.name,
      {
        ansible_host: h.address,
        ansible_port: h.port,
        ansible_user: vars.user ?? 'root',
        ansible_ssh_private_key_file: keyFile,
      },
    ]),
  );
  const lab: Record<string, unknown> = { hosts: hostVars };
  if (vars.extra && Object.keys(vars.extra).length > 0) lab.vars = vars.extra;
  const children: Record<string, unknown> = { lab };
  for (const [group, members] of Object.entries(vars.groups ?? {})) {
    children[group] = { hosts: Object.fromEntries(members.map((m) => [m, null])) };
  }
  return stringify({ all: { children } });
}
