import { resolve } from 'node:path';
import { FerryErrors } from '../errors/FerryError.js';
import { applyLimit, inventoryGraph, inventoryListing, loadInventory } from '../inventory/index.js';
import { problemsOf } from './loadRunInputs.js';

/** `ferry inventory` options. */
export interface InventoryArgs {
  inventory: string;
  list: boolean;
  graph: boolean;
  host?: string;
  limit?: string;
}

// `ferry inventory -i FILE --list | --graph | --host NAME`: the resolved inventory, as ansible-inventory prints it, secrets masked.
export async function inventoryCommand(args: InventoryArgs, write: (s: string) => void): Promise<number> {
  const inv = await loadInventory(resolve(args.inventory)).catch((err: unknown) => {
    throw new FerryErrors(problemsOf(err));
  });
  if (args.limit) {
    const keep = new Set(applyLimit(inv, [...inv.hosts.keys()], args.limit));
    for (const name of [...inv.hosts.keys()]) if (!keep.has(name)) inv.hosts.delete(name);
    for (const group of inv.groups.values()) {
      group.hosts = group.hosts.filter((h) => keep.has(h));
      if (group.directHosts) group.directHosts = group.directHosts.filter((h) => keep.has(h));
    }
  }
  if (args.graph) {
    write(inventoryGraph(inv) + '\n');
    return 0;
  }
  const listing = inventoryListing(inv) as { _meta: { hostvars: Record<string, unknown> } };
  const body = args.host ? (listing._meta.hostvars[args.host] ?? {}) : listing;
  write(JSON.stringify(body, null, 2) + '\n');
  return 0;
}
