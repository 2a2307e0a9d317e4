import { resolve } from 'node:path';
import { FerryErrors, formatProblem, type FerryError } from '../errors/FerryError.js';
import { preflight } from '../engine/preflight/preflight.js';
import { builtinModules } from '../modules/index.js';
import { loadPlaybook } from '../playbook/index.js';
import type { Playbook } from '../playbook/types.js';
import { EXIT } from '../report/exitCodes.js';
import { countTasks } from './countTasks.js';
import { displayPath } from './displayPath.js';
import { emptyInventory } from './emptyInventory.js';
import { loadRunInputs, problemsOf } from './loadRunInputs.js';
import { parseExtraVars } from './parseExtraVars.js';

/** `ferry validate` options. */
export interface ValidateArgs {
  playbook: string;
  inventory?: string;
  limit?: string;
  extraVars: string[];
}

/** Where validate's lines go: problems and the verdict on stdout, the count on stderr. */
export interface ValidateOutput {
  out(text: string): void;
  err(text: string): void;
}

/** One problem as editors and CI problem matchers read it: `file:line:col: message (hint)`. */
function problemLine(p: FerryError): string {
  const where = p.where.file ? { ...p.where, file: displayPath(p.where.file) } : p.where;
  return formatProblem(p.message, where, p.hint);
}

// `ferry validate PLAYBOOK [-i INVENTORY]`: everything `ferry run` checks before it contacts a host, through the same code
// path, with every problem printed; nothing is connected to or changed. Exit 0 when clean, 3 when not.
export async function validateCommand(args: ValidateArgs, io: ValidateOutput): Promise<number> {
  const extraVars = parseExtraVars(args.extraVars);
  let playbook: Playbook;
  try {
    if (args.inventory) {
      ({ playbook } = await loadRunInputs(args.playbook, args.inventory, args.limit, extraVars));
    } else {
      playbook = await loadPlaybook(resolve(args.playbook), { modules: builtinModules });
      preflight(playbook, emptyInventory(), extraVars, builtinModules);
    }
  } catch (err) {
    const problems = problemsOf(err);
    if (!(err instanceof FerryErrors) && ['USAGE', 'LIMIT'].includes(problems[0].code)) throw err;
    for (const p of problems) io.out(`${problemLine(p)}\n`);
    io.err(`ferry: ${problems.length} problem(s) found; fix them and validate again.\n`);
    return EXIT.LOAD;
  }
  const plays = playbook.plays.length;
  io.out(`${displayPath(playbook.file)}: ok (${plays} play${plays === 1 ? '' : 's'}, ${countTasks(playbook)} tasks)\n`);
  if (!args.inventory) io.err('ferry: no inventory given: variables an inventory would define were not checked (add -i INVENTORY).\n');
  return EXIT.OK;
}
