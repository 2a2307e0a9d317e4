import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FerryError } from '../errors/FerryError.js';
import type { Pos, SecretSource } from '../playbook/types.js';
import type { Redactor } from './Redactor.js';

// Reads a play's `secrets:` from the controller (environment or file) and registers each value with the redactor first.
export function resolveSecrets(
  sources: Record<string, SecretSource>,
  opts: { baseDir: string; env: NodeJS.ProcessEnv; redactor: Redactor; pos?: Pos },
): Record<string, string> {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, source] of Object.entries(sources)) {
    const value = readSecret(name, source, opts.baseDir, opts.env, problems);
    if (value === undefined) continue;
    opts.redactor.add(value);
    values[name] = value;
  }
  if (problems.length) {
    throw new FerryError('FILE_NOT_FOUND', problems.join('; '), opts.pos ?? {}, 'set the variables or create the files before the run');
  }
  return values;
}

function readSecret(name: string, source: SecretSource, baseDir: string, env: NodeJS.ProcessEnv, problems: string[]): string | undefined {
  if (source.env !== undefined) {
    const value = env[source.env];
    if (value === undefined || value === '') problems.push(`secret '${name}' needs environment variable ${source.env}, which is not set`);
    return value || undefined;
  }
  if (source.file !== undefined) {
    try {
      return readFileSync(resolve(baseDir, source.file), 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push(`secret '${name}' needs file ${source.file}, which cannot be read`);
      return undefined;
    }
  }
  problems.push(`secret '${name}' names no source: use { env: NAME } or { file: PATH }`);
  return undefined;
}
