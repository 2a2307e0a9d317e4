import path from 'node:path';
import { FerryError } from '../errors/FerryError.js';
import type { ModuleDef } from '../modules/defineModule.js';
import type { LoadContext } from './LoadContext.js';
import { parsePlaybookData } from './parsePlaybookData.js';
import { parseYamlSource } from './parseYamlSource.js';
import { Problems } from './Problems.js';
import { readSourceText } from './readSourceText.js';
import type { Playbook } from './types.js';

/** What the loader must know that the file does not say: which modules exist. */
export interface LoadPlaybookOptions {
  /** The modules a task may name, by name. */
  modules: ReadonlyMap<string, ModuleDef>;
}

// Loads a playbook with everything it includes and imports, and reports every problem of all those files at once.
export async function loadPlaybook(file: string, opts: LoadPlaybookOptions): Promise<Playbook> {
  const read = await readSourceText(file);
  if ('reason' in read) {
    throw new FerryError('FILE_NOT_FOUND', `playbook ${read.reason}`, { file }, 'check the path (relative paths start from the current directory)');
  }
  const problems = new Problems();
  const ctx: LoadContext = { modules: opts.modules, problems, chain: [file] };
  const src = parseYamlSource(file, read.text, problems);
  const plays = src ? await parsePlaybookData(src, ctx) : [];
  problems.throwIfAny();
  return { file, dir: path.dirname(file), plays };
}
