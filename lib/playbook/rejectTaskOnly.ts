import type { LoadContext } from './LoadContext.js';
import { TASK_ONLY_KEYWORDS } from './taskSchema.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

// register, loop, notify … belong to one task: on a block or an include they would silently mean nothing.
export function rejectTaskOnly(src: YamlSource, path: readonly PathSeg[], item: Record<string, unknown>, on: string, ctx: LoadContext): void {
  for (const key of TASK_ONLY_KEYWORDS) {
    if (!(key in item)) continue;
    ctx.problems.add('SCHEMA', `'${key}' cannot be used on ${on}`, src.keyPosOf([...path, key]), `put '${key}' on the tasks inside`);
  }
}
