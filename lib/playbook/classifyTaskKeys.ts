import { didYouMean, nearestName } from './didYouMean.js';
import type { LoadContext } from './LoadContext.js';
import { TASK_KEYWORDS } from './taskSchema.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

/** A task's keys that are neither keywords nor known modules. */
export interface TaskKeys {
  modules: string[];
  unknown: string[];
}

/** Ansible habits ferry spells differently, with what to write instead. */
const HABITS: Array<[RegExp, string]> = [
  [/^with_/, "ferry loops with 'loop:' (e.g. loop: \"{{ items }}\")"],
  [/^args$/, 'put the arguments under the module key'],
  [/^become_user$/, 'become_user is set on the play'],
  [/^local_action$/, "use 'delegate_to: localhost' with the module"],
  [/^(include|include_role|import_role|roles)$/, "ferry has no roles: use 'include_tasks: file.yml'"],
];

// Sorts a task's keys into keywords, modules and mistakes; each mistake is reported with the name it most likely meant.
export function classifyTaskKeys(src: YamlSource, path: readonly PathSeg[], item: Record<string, unknown>, ctx: LoadContext): TaskKeys {
  const keys: TaskKeys = { modules: [], unknown: [] };
  for (const key of Object.keys(item)) {
    if (TASK_KEYWORDS.has(key)) continue;
    (ctx.modules.has(key) ? keys.modules : keys.unknown).push(key);
  }
  const known = [...TASK_KEYWORDS, ...ctx.modules.keys()];
  for (const key of keys.unknown) {
    const pos = src.keyPosOf([...path, key]);
    const habit = HABITS.find(([re]) => re.test(key))?.[1];
    const near = nearestName(key, known);
    if (habit || (near !== undefined && TASK_KEYWORDS.has(near)) || keys.modules.length > 0) {
      const hint = habit ?? didYouMean(key, known) ?? 'a task has one module key plus keywords such as name, when, register, loop';
      ctx.problems.add('UNKNOWN_KEY', `unknown key '${key}' in task`, pos, hint);
    } else {
      const hint = didYouMean(key, ctx.modules.keys()) ?? `known modules: ${[...ctx.modules.keys()].sort().join(', ')}`;
      ctx.problems.add('UNKNOWN_MODULE', `unknown module '${key}'`, pos, hint);
    }
  }
  return keys;
}
