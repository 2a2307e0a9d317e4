import { keywordsOf } from './keywordsOf.js';
import type { LoadContext } from './LoadContext.js';
import { parseModuleArgs } from './parseModuleArgs.js';
import type { TaskDef } from './types.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

// One module task: its keywords, its checked arguments and the positions the engine needs for later errors.
export function parseTask(src: YamlSource, path: readonly PathSeg[], item: Record<string, unknown>, moduleName: string, ctx: LoadContext): TaskDef | undefined {
  const mod = ctx.modules.get(moduleName);
  if (!mod) return undefined;
  const parsed = parseModuleArgs(src, path, mod, item[moduleName], ctx);
  if (!parsed) return undefined;
  return { ...keywordsOf(item), kind: 'task', module: moduleName, args: parsed.args, pos: src.posOf(path), argPos: parsed.argPos };
}
