import { isMapping, yamlKind } from './isMapping.js';
import type { LoadContext } from './LoadContext.js';
import { parseYamlSource } from './parseYamlSource.js';
import { readSourceText } from './readSourceText.js';
import { resolveRelative } from './resolveRelative.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

/** One vars file read at load time. */
export interface VarsFileData {
  file: string;
  vars: Record<string, unknown>;
}

// Static vars_files are read when the playbook loads, so a missing one fails before any host is touched; templated ones wait for the engine.
export async function readVarsFiles(src: YamlSource, playPath: readonly PathSeg[], raw: unknown, ctx: LoadContext): Promise<VarsFileData[]> {
  const entries = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
  const out: VarsFileData[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i];
    if (typeof entry !== 'string' || entry === '' || entry.includes('{{')) continue;
    const at = typeof raw === 'string' ? [...playPath, 'vars_files'] : [...playPath, 'vars_files', i];
    const file = resolveRelative(src.file, entry);
    const read = await readSourceText(file);
    if ('reason' in read) {
      ctx.problems.add('FILE_NOT_FOUND', `vars file '${file}' ${read.reason}`, src.posOf(at), "vars_files paths are relative to the playbook's directory");
      continue;
    }
    const vars = parseYamlSource(file, read.text, ctx.problems);
    if (!vars) continue;
    if (vars.data !== null && vars.data !== undefined && !isMapping(vars.data)) {
      const message = `a vars file must be a mapping of variables, got ${yamlKind(vars.data)}`;
      ctx.problems.add('SCHEMA', message, vars.posOf([]), 'write one "name: value" per line');
      continue;
    }
    out.push({ file, vars: isMapping(vars.data) ? vars.data : {} });
  }
  return out;
}
