import { keywordsOf } from './keywordsOf.js';
import type { LoadContext } from './LoadContext.js';
import { parseSteps } from './parseSteps.js';
import { rejectTaskOnly } from './rejectTaskOnly.js';
import type { BlockDef } from './types.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

// block / rescue / always: the steps of each part, and the keywords the block hands down to them.
export async function parseBlock(
  src: YamlSource,
  path: readonly PathSeg[],
  item: Record<string, unknown>,
  modules: readonly string[],
  ctx: LoadContext,
): Promise<BlockDef> {
  for (const name of modules) {
    const hint = "move the module into a task under 'block:'";
    ctx.problems.add('SCHEMA', `a block cannot also run module '${name}'`, src.keyPosOf([...path, name]), hint);
  }
  for (const part of ['rescue', 'always'] as const) {
    if (part in item && !('block' in item)) {
      ctx.problems.add('SCHEMA', `'${part}' needs a 'block' beside it`, src.keyPosOf([...path, part]), "add 'block:' with the tasks to try");
    }
  }
  rejectTaskOnly(src, path, item, 'a block', ctx);
  const part = (key: string) => parseSteps(src, [...path, key], item[key], ctx);
  return {
    ...keywordsOf(item),
    kind: 'block',
    block: await part('block'),
    rescue: await part('rescue'),
    always: await part('always'),
    pos: src.posOf(path),
  };
}
