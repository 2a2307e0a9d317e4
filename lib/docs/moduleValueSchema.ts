import type { ModuleDef } from '../modules/defineModule.js';
import { moduleArgsValidator } from '../playbook/playbookAjv.js';
import { isInternalArgument } from './argumentRows.js';
import { templatedProperties } from './allowTemplates.js';
import { cleanSchema } from './cleanSchema.js';
import { isSchema, type JsonSchema } from './JsonSchema.js';

/** The module's argument schema for editors: internal arguments left out, templated values allowed. */
function editorArgs(mod: ModuleDef): JsonSchema {
  const args = cleanSchema(mod.args) as JsonSchema;
  const out: JsonSchema = { ...args };
  delete out.description;
  if (isSchema(args.properties)) {
    const shown = Object.entries(args.properties).filter(([, s]) => !(isSchema(s) && isInternalArgument(s)));
    out.properties = templatedProperties(Object.fromEntries(shown));
  }
  return out;
}

/** `debug:` with nothing after it loads as no arguments; it is valid exactly when an empty mapping is. */
function acceptsNoArguments(mod: ModuleDef): boolean {
  const validate = moduleArgsValidator(mod);
  return !('broken' in validate) && validate({}) === true;
}

// What may follow a module's key in a task: its arguments (as the loader checks them), a bare string for free-form
// modules, nothing for modules that need no argument; the hover text is the module's summary.
export function moduleValueSchema(mod: ModuleDef): JsonSchema {
  const description = [mod.summary, typeof mod.args.description === 'string' ? mod.args.description : '', `More: ferry doc ${mod.name}`]
    .filter(Boolean)
    .join('\n\n');
  const branches: JsonSchema[] = [editorArgs(mod)];
  if (mod.freeForm) branches.push({ type: 'string', description: `A bare string sets ${mod.freeForm}.` });
  if (acceptsNoArguments(mod)) branches.push({ type: 'null' });
  return branches.length === 1 ? { description, ...branches[0] } : { description, anyOf: branches };
}
