import { FerryError } from '../errors/FerryError.js';
import type { ModuleDef } from '../modules/defineModule.js';
import { ajvProblems } from './ajvProblems.js';
import { isMapping } from './isMapping.js';
import type { LoadContext } from './LoadContext.js';
import { moduleArgsValidator } from './playbookAjv.js';
import type { Pos } from './types.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

/** A module's arguments as loaded, with where each one was written. */
export interface ModuleArgs {
  args: Record<string, unknown>;
  argPos: Record<string, Pos>;
}

/** Turns the module key's value (mapping, free-form string or nothing) into an arguments mapping. */
function argsOf(src: YamlSource, at: readonly PathSeg[], mod: ModuleDef, value: unknown, ctx: LoadContext): ModuleArgs | undefined {
  if (value === null || value === undefined) return { args: {}, argPos: {} };
  if (typeof value === 'string' && mod.freeForm) return { args: { [mod.freeForm]: value }, argPos: { [mod.freeForm]: src.posOf(at) } };
  if (isMapping(value)) {
    const argPos: Record<string, Pos> = {};
    for (const key of Object.keys(value)) argPos[key] = src.posOf([...at, key]);
    return { args: { ...value }, argPos };
  }
  const kv = typeof value === 'string' && value.includes('=');
  const hint = kv ? `ferry does not read key=value strings: write '${mod.name}:' then one 'key: value' per line` : `write '${mod.name}:' then one 'key: value' per line`;
  const what = mod.freeForm ? `a mapping of arguments or a string` : 'a mapping of arguments';
  const got = Array.isArray(value) ? 'a list' : kv ? 'a key=value string' : `a ${typeof value}`;
  ctx.problems.add('SCHEMA', `module '${mod.name}' takes ${what}, got ${got}`, src.posOf(at), hint);
  return undefined;
}

// A task's module arguments, checked against the module's own schema (compiled once) with each problem at its line.
export function parseModuleArgs(src: YamlSource, taskPath: readonly PathSeg[], mod: ModuleDef, value: unknown, ctx: LoadContext): ModuleArgs | undefined {
  const at = [...taskPath, mod.name];
  const parsed = argsOf(src, at, mod, value, ctx);
  if (!parsed) return undefined;
  const validate = moduleArgsValidator(mod);
  if ('broken' in validate) {
    const message = `module '${mod.name}' has an invalid argument schema: ${validate.broken}`;
    ctx.problems.add('INTERNAL', message, src.keyPosOf(at), 'this is a defect of the module, not of the playbook');
    return undefined;
  }
  const valid = validate(parsed.args);
  if (!valid) ajvProblems(validate.errors, { src, base: at, owner: `of module '${mod.name}'`, noun: 'argument' }, ctx.problems);
  const flagged = new Set((valid ? [] : (validate.errors ?? [])).map((e) => e.instancePath.split('/')[1]));
  checkArgValues(mod, parsed, ctx, flagged);
  return parsed;
}

// A module's own checks of its untemplated values (a file mode), each failure a problem at the value's line; a value
// the schema already refused is not named twice.
function checkArgValues(mod: ModuleDef, parsed: ModuleArgs, ctx: LoadContext, flagged: ReadonlySet<string>): void {
  for (const [name, check] of Object.entries(mod.argChecks ?? {})) {
    const value = parsed.args[name];
    if (value === undefined || flagged.has(name) || (typeof value === 'string' && value.includes('{{'))) continue;
    try {
      check(value);
    } catch (err) {
      if (!(err instanceof FerryError)) throw err;
      ctx.problems.add('SCHEMA', `module '${mod.name}': ${err.message}`, parsed.argPos[name], err.hint);
    }
  }
}
