import { FerryError } from '../errors/FerryError.js';
import type { ModuleDef } from '../modules/defineModule.js';
import { moduleArgsValidator } from '../playbook/playbookAjv.js';
import type { Pos } from '../playbook/types.js';

// Templated arguments can only be type-checked once rendered: the same schema, just later; messages name paths, never values.
export function checkRenderedArgs(
  module: ModuleDef,
  raw: Record<string, unknown>,
  args: Record<string, unknown>,
  argPos: Record<string, Pos>,
  taskPos: Pos,
): void {
  const validate = moduleArgsValidator(module);
  if ('broken' in validate) throw new FerryError('INTERNAL', `module ${module.name} has a broken schema: ${validate.broken}`, taskPos);
  const input = asWritten(module, raw, args);
  if (validate(input)) return;
  const first = validate.errors![0];
  const path = first.instancePath.split('/').filter(Boolean);
  const where = argPos[path[0] ?? ''] ?? taskPos;
  const what = path.length ? `argument '${path.join('.')}'` : 'arguments';
  throw new FerryError('SCHEMA', `${module.name}: ${what} ${first.message ?? 'is not valid'} once rendered`, where, `see 'ferry doc ${module.name}'`);
}

/** Evaluated arguments ({expr, value}) are the engine's own shape, not the playbook's: check those as written. */
function asWritten(module: ModuleDef, raw: Record<string, unknown>, args: Record<string, unknown>): Record<string, unknown> {
  if (!module.evaluate?.length) return args;
  const copy = { ...args };
  for (const key of module.evaluate) if (key in raw) copy[key] = raw[key];
  return copy;
}
