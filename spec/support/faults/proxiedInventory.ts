import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inventoryYaml } from '../lab/inventoryFile.js';
import type { Lab, LabHost } from '../lab/types.js';

/** Where a host is reached instead of its own sshd address. */
export interface Detour {
  address: string;
  port: number;
}

// An inventory and a known_hosts that send some lab hosts through a detour (a proxy) under their own names: ferry
// checks the same host key at the detour's address, exactly as it would for a host behind a jump or a NAT.
export function proxiedInventory(lab: Lab, detours: Record<string, Detour>, tag: string): { inventory: string; knownHosts: string } {
  const hosts: LabHost[] = lab.hosts.map((h) => (detours[h.name] ? { ...h, address: detours[h.name].address, port: detours[h.name].port } : h));
  const keyOf = new Map(
    readFileSync(lab.knownHostsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.split(' ')[0], line.split(' ').slice(1).join(' ')] as const),
  );
  const lines = lab.hosts.map((h, i) => `[${hosts[i].address}]:${hosts[i].port} ${keyOf.get(`[${h.address}]:${h.port}`)}\n`);
  const knownHosts = path.join(lab.dir, `known_hosts-${tag}`);
  writeFileSync(knownHosts, lines.join(''));
  const inventory = path.join(lab.dir, `inventory-${tag}.yml`);
  writeFileSync(inventory, inventoryYaml(hosts, lab.keyFile));
  return { inventory, knownHosts };
}
