import type { ModuleDef } from '../modules/defineModule.js';
import type { Problems } from './Problems.js';

// What every part of the playbook loader needs: the known modules, the problem list, and the files being loaded.
export interface LoadContext {
  modules: ReadonlyMap<string, ModuleDef>;
  problems: Problems;
  /** Files being loaded right now, outermost first, as displayed: including one of them again is a cycle. */
  chain: readonly string[];
}
