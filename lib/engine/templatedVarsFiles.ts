import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FerryError } from '../errors/FerryError.js';
import { isMapping, yamlKind } from '../playbook/isMapping.js';
import { parseYamlSource } from '../playbook/parseYamlSource.js';
import { Problems } from '../playbook/Problems.js';
import type { PlayDef } from '../playbook/types.js';
import { renderValue, type Scope } from '../template/index.js';

/** True when some vars_files entry is a template, so the files can only be named host by host. */
export function hasTemplatedVarsFiles(play: PlayDef): boolean {
  return play.vars_files.some((entry) => entry.includes('{{'));
}

// vars_files named by a template ("vars/{{ env }}.yml") wait for a host's scope: the loader reads only the static
// ones, so this renders each templated path for one host and reads it, later files winning. Static files come first.
export function templatedVarsFiles(play: PlayDef, scope: Scope): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const entry of play.vars_files) {
    if (!entry.includes('{{')) continue;
    const rendered = renderValue(entry, scope, play.pos);
    if (typeof rendered !== 'string' || rendered === '') {
      throw new FerryError('TEMPLATE', `vars_files entry '${entry}' does not render to a file name`, play.pos, 'make the template yield a path');
    }
    Object.assign(merged, readVarsFile(resolve(dirname(play.pos.file), rendered), entry, play));
  }
  return merged;
}

function readVarsFile(file: string, entry: string, play: PlayDef): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    const hint = "vars_files paths are relative to the playbook's directory";
    throw new FerryError('FILE_NOT_FOUND', `vars file '${file}' (from '${entry}') not found`, play.pos, hint);
  }
  const problems = new Problems();
  const src = parseYamlSource(file, text, problems);
  problems.throwIfAny();
  const data = src?.data;
  if (data === null || data === undefined) return {};
  if (!isMapping(data)) {
    throw new FerryError('SCHEMA', `a vars file must be a mapping of variables, got ${yamlKind(data)}`, { file, line: 1, col: 1 }, 'write one "name: value" per line');
  }
  return data;
}
