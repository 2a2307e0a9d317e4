import { isMapping, yamlKind } from './isMapping.js';
import type { LoadContext } from './LoadContext.js';
import { importPlaybook } from './importPlaybook.js';
import { parsePlay } from './parsePlay.js';
import type { PlayDef } from './types.js';
import type { YamlSource } from './YamlSource.js';

const PLAYBOOK_HINT = "a playbook is a list of plays: start with '- hosts: PATTERN', then 'tasks:'";

// A playbook file's top level: a list of plays and import_playbook entries, each checked, imports expanded in place.
export async function parsePlaybookData(src: YamlSource, ctx: LoadContext): Promise<PlayDef[]> {
  const data = src.data;
  if (data === null || data === undefined || (Array.isArray(data) && data.length === 0)) {
    ctx.problems.add('SCHEMA', 'the playbook has no plays', src.posOf([]), PLAYBOOK_HINT);
    return [];
  }
  if (!Array.isArray(data)) {
    ctx.problems.add('SCHEMA', `a playbook must be a list of plays, got ${yamlKind(data)}`, src.posOf([]), PLAYBOOK_HINT);
    return [];
  }
  const plays: PlayDef[] = [];
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i];
    if (!isMapping(item)) {
      ctx.problems.add('SCHEMA', `a play must be a mapping, got ${yamlKind(item)}`, src.posOf([i]), PLAYBOOK_HINT);
    } else if ('import_playbook' in item) {
      plays.push(...(await importPlaybook(src, i, item, ctx)));
    } else {
      plays.push(await parsePlay(src, [i], item, ctx));
    }
  }
  return plays;
}
