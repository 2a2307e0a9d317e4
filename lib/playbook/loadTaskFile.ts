import { includeCycle } from './includeCycle.js';
import type { LoadContext } from './LoadContext.js';
import { parseSteps } from './parseSteps.js';
import { parseYamlSource } from './parseYamlSource.js';
import { readSourceText } from './readSourceText.js';
import type { Pos, Step } from './types.js';

// Reads an included task file at load time, so its problems are found before any host is touched.
export async function loadTaskFile(file: string, from: Pos, ctx: LoadContext): Promise<Step[]> {
  if (includeCycle(ctx, file, from)) return [];
  const read = await readSourceText(file);
  if ('reason' in read) {
    ctx.problems.add('FILE_NOT_FOUND', `included file '${file}' ${read.reason}`, from, "paths are relative to the including file's directory");
    return [];
  }
  const src = parseYamlSource(file, read.text, ctx.problems);
  if (!src || src.data === null || src.data === undefined) return [];
  if (!Array.isArray(src.data)) {
    const hint = "a task file is a list: start each task with '- name: ...'";
    ctx.problems.add('SCHEMA', 'a task file must be a list of tasks, not a single value or mapping', src.posOf([]), hint);
    return [];
  }
  return parseSteps(src, [], src.data, { ...ctx, chain: [...ctx.chain, file] });
}
