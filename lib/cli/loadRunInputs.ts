import { dirname, resolve } from 'node:path';
import { FerryError, FerryErrors } from '../errors/FerryError.js';
import { preflight } from '../engine/preflight/preflight.js';
import { applyLimit, loadInventory } from '../inventory/index.js';
import type { Inventory } from '../inventory/types.js';
import { builtinModules } from '../modules/index.js';
import { loadPlaybook } from '../playbook/index.js';
import type { Playbook } from '../playbook/types.js';

/** A playbook and inventory that loaded and validated, with the limit checked: safe to start contacting hosts. */
export interface RunInputs {
  playbook: Playbook;
  inventory: Inventory;
}

// Loads both files and reports every problem of both at once, before any connection is made.
export async function loadRunInputs(playbookFile: string, inventoryFile: string, limit?: string, extraVars: Record<string, unknown> = {}): Promise<RunInputs> {
  const [pb, inv] = await Promise.allSettled([
    loadPlaybook(resolve(playbookFile), { modules: builtinModules }),
    loadInventory(resolve(inventoryFile), { playbookDir: dirname(resolve(playbookFile)) }),
  ]);
  const problems = [pb, inv].flatMap((r) => (r.status === 'rejected' ? problemsOf(r.reason) : []));
  if (problems.length) throw new FerryErrors(problems);
  const inventory = (inv as PromiseFulfilledResult<Inventory>).value;
  if (limit) applyLimit(inventory, [...inventory.hosts.keys()], limit);
  const playbook = (pb as PromiseFulfilledResult<Playbook>).value;
  preflight(playbook, inventory, extraVars, builtinModules);
  return { playbook, inventory };
}

/** The FerryErrors inside any rejection; anything else is a bug and is rethrown. */
export function problemsOf(err: unknown): FerryError[] {
  if (err instanceof FerryErrors) return err.problems;
  if (err instanceof FerryError) return [err];
  throw err;
}
