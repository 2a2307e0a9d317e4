import { ajvProblems } from './ajvProblems.js';
import { isMapping } from './isMapping.js';
import type { LoadContext } from './LoadContext.js';
import { parseSteps } from './parseSteps.js';
import { validatePlay } from './playbookAjv.js';
import { readVarsFiles } from './readVarsFiles.js';
import type { PlayDef, SecretSource } from './types.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

/** `hosts:` as one pattern string (a list of patterns is their union). */
function hostsOf(raw: unknown): string {
  if (Array.isArray(raw)) return raw.map(String).join(',');
  return typeof raw === 'string' ? raw : '';
}

// One play: its settings checked against the play schema, its task lists merged in order, its static vars_files read.
export async function parsePlay(src: YamlSource, path: readonly PathSeg[], item: Record<string, unknown>, ctx: LoadContext): Promise<PlayDef> {
  const validate = validatePlay();
  if (!validate(item)) ajvProblems(validate.errors, { src, base: path, owner: 'in play', noun: 'key' }, ctx.problems);
  const steps = (key: string) => parseSteps(src, [...path, key], item[key], ctx);
  const tasks = [...(await steps('pre_tasks')), ...(await steps('tasks')), ...(await steps('post_tasks'))];
  const handlers = await steps('handlers');
  const varsFiles = typeof item.vars_files === 'string' ? [item.vars_files] : Array.isArray(item.vars_files) ? item.vars_files.map(String) : [];
  const varsFileData = await readVarsFiles(src, path, item.vars_files, ctx);
  const hosts = hostsOf(item.hosts);
  const play: PlayDef = {
    name: typeof item.name === 'string' && item.name !== '' ? item.name : hosts,
    hosts,
    vars: isMapping(item.vars) ? item.vars : {},
    vars_files: varsFiles,
    varsFileData,
    secrets: isMapping(item.secrets) ? (item.secrets as Record<string, SecretSource>) : {},
    become: item.become === true,
    tasks,
    handlers,
    pos: src.posOf(path),
  };
  if (typeof item.become_user === 'string') play.become_user = item.become_user;
  if (typeof item.gather_facts === 'boolean') play.gather_facts = item.gather_facts;
  if (item.serial !== undefined && item.serial !== null) play.serial = item.serial as PlayDef['serial'];
  if (typeof item.max_fail_percentage === 'number') play.max_fail_percentage = item.max_fail_percentage;
  if (typeof item.any_errors_fatal === 'boolean') play.any_errors_fatal = item.any_errors_fatal;
  return play;
}
