import type { Inventory } from '../inventory/types.js';

const SECRET_NAME = /pass(word|wd)?$|password|passwd|secret|token|private_key_passphrase/i;

// Inventory values whose names say they are secrets: masked wherever they might surface in output.
export function inventorySecrets(inventory: Inventory): string[] {
  const found = new Set<string>();
  for (const host of inventory.hosts.values()) {
    for (const [name, value] of Object.entries(host.vars)) {
      if (SECRET_NAME.test(name) && typeof value === 'string' && !value.includes('{{')) found.add(value);
    }
  }
  return [...found];
}
