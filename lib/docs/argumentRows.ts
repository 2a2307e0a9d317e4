import type { ModuleDef } from '../modules/defineModule.js';
import { choicesOf, describeType } from './describeType.js';
import { propertiesOf, requiredOf, type JsonSchema } from './JsonSchema.js';

/** One argument of a module as the reference shows it. */
export interface ArgumentRow {
  name: string;
  type: string;
  required: boolean;
  /** The default, as written in the schema; absent when the schema gives none. */
  default?: unknown;
  choices?: unknown[];
  description: string;
  /** always: the value never shows; no_log: it does not show when the task sets no_log. */
  secret?: 'always' | 'no_log';
}

/** Arguments the engine fills in itself: valid in a schema, not for playbooks, so not documented. */
export function isInternalArgument(schema: JsonSchema): boolean {
  return typeof schema.description === 'string' && /^Internal\b/.test(schema.description);
}

// The rows of a module's argument table, read from the schema that validates playbooks, so docs and checks cannot disagree.
export function argumentRows(mod: ModuleDef): ArgumentRow[] {
  const required = new Set(requiredOf(mod.args));
  return propertiesOf(mod.args)
    .filter(([, schema]) => !isInternalArgument(schema))
    .map(([name, schema]) => {
      const row: ArgumentRow = { name, type: describeType(schema), required: required.has(name), description: String(schema.description ?? '') };
      if (schema.default !== undefined) row.default = schema.default;
      const choices = choicesOf(schema);
      if (choices) row.choices = choices;
      if (mod.alwaysSecret?.includes(name)) row.secret = 'always';
      else if (mod.secretArgs?.includes(name)) row.secret = 'no_log';
      return row;
    });
}

/** A default or choice as a playbook would write it: strings bare, everything else as JSON. */
export function shownValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
