import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMapping, yamlKind } from '../playbook/isMapping.js';
import { parseYamlSource } from '../playbook/parseYamlSource.js';
import type { Problems } from '../playbook/Problems.js';
import { readSourceText } from '../playbook/readSourceText.js';
import { setVar, emptyLayer, type VarLayer } from './VarLayer.js';

/** Extensions a vars file may have, in the order Ansible tries them (the first that exists is the only one read). */
const EXTENSIONS = ['', '.yml', '.yaml', '.json'];

async function kindOf(file: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await stat(file);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** Files of a vars directory, recursively, in name order; hidden and backup files skipped. */
async function dirFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && !n.endsWith('~')).sort();
  const out: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const kind = await kindOf(full);
    if (kind === 'dir') out.push(...(await dirFiles(full)));
    else if (kind === 'file' && EXTENSIONS.includes(path.extname(name))) out.push(full);
  }
  return out;
}

/** The files that hold `name`'s variables under `dir`: name, name.yml, name.yaml or name.json, or every file of the directory `name/`. */
async function varsFilesFor(dir: string, name: string): Promise<string[]> {
  for (const ext of EXTENSIONS) {
    const candidate = path.join(dir, name + ext);
    const kind = await kindOf(candidate);
    if (kind === 'dir') return dirFiles(candidate);
    if (kind === 'file') return [candidate];
  }
  return [];
}

// group_vars/<group> and host_vars/<host> as Ansible finds them; each variable keeps the file:line:col it came from.
export async function readNamedVars(dir: string, name: string, problems: Problems): Promise<VarLayer | undefined> {
  const files = await varsFilesFor(dir, name);
  if (files.length === 0) return undefined;
  const layer = emptyLayer();
  for (const file of files) {
    const read = await readSourceText(file);
    if ('reason' in read) {
      problems.add('INVENTORY', `vars file ${read.reason}`, { file, line: 1, col: 1 });
      continue;
    }
    const src = parseYamlSource(file, read.text, problems, 'INVENTORY');
    if (!src || src.data === null || src.data === undefined) continue;
    if (!isMapping(src.data)) {
      problems.add('INVENTORY', `a vars file must be a mapping of variables, got ${yamlKind(src.data)}`, src.posOf([]), 'write one "name: value" per line');
      continue;
    }
    for (const [key, value] of Object.entries(src.data)) setVar(layer, key, value, src.posOf([key]));
  }
  return layer;
}
