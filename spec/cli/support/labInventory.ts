import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Lab } from '../../support/lab/index.js';

// The lab's hosts plus hosts that cannot be reached (a closed port on loopback), with extra variables for all.
export function labInventory(lab: Lab, dir: string, opts: { unreachable?: string[]; vars?: Record<string, unknown> } = {}): string {
  const hosts: Record<string, unknown> = {};
  for (const h of lab.hosts) hosts[h.name] = { ansible_host: h.address, ansible_port: h.port, ansible_user: 'root', ansible_ssh_private_key_file: lab.keyFile };
  for (const name of opts.unreachable ?? []) hosts[name] = { ansible_host: '127.0.0.1', ansible_port: 1, ansible_user: 'root' };
  const file = join(dir, 'inventory.yml');
  writeFileSync(file, stringify({ all: { hosts, vars: opts.vars ?? {} } }));
  return file;
}
