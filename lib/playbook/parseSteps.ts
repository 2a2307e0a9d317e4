import { ajvProblems } from './ajvProblems.js';
import { classifyTaskKeys } from './classifyTaskKeys.js';
import { isMapping, yamlKind } from './isMapping.js';
import type { LoadContext } from './LoadContext.js';
import { parseBlock } from './parseBlock.js';
import { parseInclude } from './parseInclude.js';
import { parseTask } from './parseTask.js';
import { validateTask } from './playbookAjv.js';
import type { Step } from './types.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

/** One entry of a task list: a module task, a block, or an include. */
async function parseStep(src: YamlSource, path: readonly PathSeg[], item: unknown, ctx: LoadContext): Promise<Step | undefined> {
  if (!isMapping(item)) {
    const hint = "write '- name: ...' and one module key, e.g. 'command: ls'";
    ctx.problems.add('SCHEMA', `a task must be a mapping, got ${yamlKind(item)}`, src.posOf(path), hint);
    return undefined;
  }
  const validate = validateTask();
  if (!validate(item)) ajvProblems(validate.errors, { src, base: path, owner: 'in task', noun: 'key' }, ctx.problems);
  const keys = classifyTaskKeys(src, path, item, ctx);
  if ('block' in item || 'rescue' in item || 'always' in item) return parseBlock(src, path, item, keys.modules, ctx);
  if ('include_tasks' in item || 'import_tasks' in item) return parseInclude(src, path, item, keys.modules, ctx);
  if (keys.modules.length === 1) return parseTask(src, path, item, keys.modules[0], ctx);
  if (keys.modules.length > 1) {
    const [first, ...rest] = keys.modules.map((m) => `'${m}'`);
    const message = `task has ${keys.modules.length} modules, ${first} and ${rest.join(' and ')}`;
    ctx.problems.add('SCHEMA', message, src.keyPosOf([...path, keys.modules[1]]), 'one task runs one module: split it into separate tasks');
  } else if (keys.unknown.length === 0) {
    const hint = `add one module key, e.g. 'command: ...' (modules: ${[...ctx.modules.keys()].sort().join(', ')})`;
    ctx.problems.add('SCHEMA', 'task has no module', src.posOf(path), hint);
  }
  return undefined;
}

// A list of tasks (pre_tasks, tasks, handlers, block parts, an included file), every entry checked, none skipped.
export async function parseSteps(src: YamlSource, path: readonly PathSeg[], list: unknown, ctx: LoadContext): Promise<Step[]> {
  if (!Array.isArray(list)) return [];
  const steps: Step[] = [];
  for (let i = 0; i < list.length; i++) {
    const step = await parseStep(src, [...path, i], list[i], ctx);
    if (step) steps.push(step);
  }
  return steps;
}
