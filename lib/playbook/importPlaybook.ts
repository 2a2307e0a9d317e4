import { didYouMean } from './didYouMean.js';
import { includeCycle } from './includeCycle.js';
import type { LoadContext } from './LoadContext.js';
import { parsePlaybookData } from './parsePlaybookData.js';
import { parseYamlSource } from './parseYamlSource.js';
import { readSourceText } from './readSourceText.js';
import { resolveRelative } from './resolveRelative.js';
import type { PlayDef } from './types.js';
import type { YamlSource } from './YamlSource.js';

const IMPORT_KEYS = ['import_playbook', 'name'];

// `- import_playbook: other.yml`: the other file's plays, loaded and checked now, in place of this entry.
export async function importPlaybook(src: YamlSource, index: number, item: Record<string, unknown>, ctx: LoadContext): Promise<PlayDef[]> {
  for (const key of Object.keys(item)) {
    if (IMPORT_KEYS.includes(key)) continue;
    const hint = didYouMean(key, IMPORT_KEYS) ?? "an import_playbook entry takes only 'name' beside it";
    ctx.problems.add('UNKNOWN_KEY', `unknown key '${key}' beside import_playbook`, src.keyPosOf([index, key]), hint);
  }
  const target = item.import_playbook;
  const from = src.posOf([index, 'import_playbook']);
  if (typeof target !== 'string' || target === '' || target.includes('{{')) {
    ctx.problems.add('SCHEMA', "'import_playbook' must be a fixed file name", from, 'name the playbook file, relative to this one');
    return [];
  }
  const file = resolveRelative(src.file, target);
  if (includeCycle(ctx, file, from)) return [];
  const read = await readSourceText(file);
  if ('reason' in read) {
    ctx.problems.add('FILE_NOT_FOUND', `imported playbook '${file}' ${read.reason}`, from, "paths are relative to the importing playbook's directory");
    return [];
  }
  const imported = parseYamlSource(file, read.text, ctx.problems);
  return imported ? parsePlaybookData(imported, { ...ctx, chain: [...ctx.chain, file] }) : [];
}
