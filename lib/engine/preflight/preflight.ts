import type { Inventory } from '../../inventory/types.js';
import type { ModuleDef } from '../../modules/defineModule.js';
import { Problems } from '../../playbook/Problems.js';
import type { Playbook } from '../../playbook/types.js';
import { checkSteps } from './checkSteps.js';
import { parses } from './checkValue.js';
import { factNames } from './factNames.js';
import { NameContext } from './NameContext.js';
import { playLayersOf } from './playLayersOf.js';

// The checks that need the inventory and -e as well as the playbook, made before any host is contacted: every template
// parses, every variable a task cannot do without is known, every secret and vars file is there. Throws FerryErrors
// with all problems at once. What only the run can know (keys inside values, what hosts answer) is left to the run.
export function preflight(
  playbook: Playbook,
  inventory: Inventory,
  extraVars: Record<string, unknown>,
  modules: ReadonlyMap<string, ModuleDef>,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const problems = new Problems();
  const run = { playbook, inventory, extraVars, facts: factNames(playbook), env };
  for (const play of playbook.plays) {
    for (const [name, value] of Object.entries(play.vars)) parses(value, 'template', { pos: play.pos, what: `vars '${name}'` }, problems, `in play vars '${name}': `);
    const ctx = new NameContext(playLayersOf(play, run, problems));
    checkSteps(play.tasks, ctx, modules, problems);
    checkSteps(play.handlers, ctx, modules, problems);
  }
  problems.throwIfAny();
}
