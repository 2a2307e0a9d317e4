import { isMapping } from './isMapping.js';
import { keywordsOf } from './keywordsOf.js';
import type { LoadContext } from './LoadContext.js';
import { loadTaskFile } from './loadTaskFile.js';
import { rejectTaskOnly } from './rejectTaskOnly.js';
import { resolveRelative } from './resolveRelative.js';
import type { IncludeDef } from './types.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

// include_tasks / import_tasks, expanded now: the included steps are checked with the rest of the playbook.
export async function parseInclude(
  src: YamlSource,
  path: readonly PathSeg[],
  item: Record<string, unknown>,
  modules: readonly string[],
  ctx: LoadContext,
): Promise<IncludeDef | undefined> {
  const key = 'include_tasks' in item ? 'include_tasks' : 'import_tasks';
  if ('include_tasks' in item && 'import_tasks' in item) {
    ctx.problems.add('SCHEMA', 'use include_tasks or import_tasks, not both', src.keyPosOf([...path, 'import_tasks']));
  }
  for (const name of modules) {
    const hint = 'put the module in a task of its own';
    ctx.problems.add('SCHEMA', `'${key}' cannot also run module '${name}'`, src.keyPosOf([...path, name]), hint);
  }
  rejectTaskOnly(src, path, item, `'${key}'`, ctx);
  const raw = item[key];
  const target = typeof raw === 'string' ? raw : isMapping(raw) && typeof raw.file === 'string' ? raw.file : undefined;
  if (target === undefined || target === '') return undefined;
  const from = src.posOf(typeof raw === 'string' ? [...path, key] : [...path, key, 'file']);
  if (target.includes('{{')) {
    const hint = "ferry expands includes when it loads the playbook: name the file, and use 'when:' to choose";
    ctx.problems.add('SCHEMA', `'${key}' needs a fixed file name, got a template`, from, hint);
    return undefined;
  }
  const file = resolveRelative(src.file, target);
  const steps = await loadTaskFile(file, from, ctx);
  return { ...keywordsOf(item), kind: 'include', file, steps, pos: src.posOf(path) };
}
