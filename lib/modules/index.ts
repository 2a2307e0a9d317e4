import { command } from './command.js';
import { copy } from './copy.js';
import { debug } from './debug.js';
import type { ModuleDef } from './defineModule.js';
import { file } from './file.js';
import { shell } from './shell.js';

// Every module ferry ships, by the name a task uses; the engine and `ferry doc` read this one map.
export const builtinModules: ReadonlyMap<string, ModuleDef> = new Map(
  ([command, shell, file, copy, debug] as ModuleDef[]).map((m) => [m.name, m]),
);

/** Each module by itself, for callers that want one (specs, docs). */
export { command, copy, debug, file, shell };
export type { ModuleContext, ModuleDef, Plan, Change, ApplyResult } from './defineModule.js';
