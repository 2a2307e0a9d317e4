import path from 'node:path';
import { FerryError } from '../errors/FerryError.js';
import { parseYamlSource } from '../playbook/parseYamlSource.js';
import { Problems } from '../playbook/Problems.js';
import { readSourceText } from '../playbook/readSourceText.js';
import { buildInventory } from './buildInventory.js';
import { checkConnectionVars } from './checkConnectionVars.js';
import { parseInventoryTree } from './parseInventoryTree.js';
import { readInventoryVarFiles } from './readInventoryVarFiles.js';
import type { Inventory } from './types.js';

/** An INI inventory starts (after comments) with a `[group]` header line, which YAML would misread. */
function looksLikeIni(text: string): boolean {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !/^\s*[#;]/.test(l));
  return first !== undefined && /^\s*\[[^\]]+\]\s*$/.test(first);
}

/** Where else variables live: group_vars/ and host_vars/ beside the playbook. */
export interface LoadInventoryOptions {
  /** The playbook's directory: its group_vars/ and host_vars/ win over the inventory's. */
  playbookDir?: string;
}

// Loads an Ansible YAML inventory with its group_vars and host_vars, reporting every problem of every file at once.
export async function loadInventory(file: string, opts: LoadInventoryOptions = {}): Promise<Inventory> {
  const read = await readSourceText(file);
  if ('reason' in read) {
    throw new FerryError('FILE_NOT_FOUND', `inventory ${read.reason}`, { file }, 'check the path given with -i (relative paths start from the current directory)');
  }
  const problems = new Problems();
  if (looksLikeIni(read.text)) {
    const hint = "ferry reads Ansible's YAML inventory: convert it with 'ansible-inventory -i FILE --list -y'";
    problems.add('INVENTORY', 'this is an INI inventory', { file, line: 1, col: 1 }, hint);
    problems.throwIfAny();
  }
  const src = parseYamlSource(file, read.text, problems, 'INVENTORY');
  if (!src) {
    problems.throwIfAny();
    throw new FerryError('INTERNAL', `inventory '${file}' could not be parsed`, { file });
  }
  const raw = parseInventoryTree(src, problems);
  const vars = await readInventoryVarFiles(raw, path.dirname(file), opts.playbookDir, problems);
  const { inventory, layers } = buildInventory(file, raw, vars);
  checkConnectionVars(inventory, layers, problems);
  problems.throwIfAny();
  return inventory;
}
