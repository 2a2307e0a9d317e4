import { Ajv, type ValidateFunction } from 'ajv';
import type { ModuleDef } from '../modules/defineModule.js';
import { playSchema } from './playSchema.js';
import { taskSchema } from './taskSchema.js';

let shared: Ajv | undefined;

// One strict ajv (draft-07, every error, the failing value and schema kept) for the play, task and module schemas.
// The schemas are ferry's own and fixed: spec/modules/schemas.spec.ts checks each against the draft-07 meta-schema,
// so a run skips that check (compiling the meta-schema alone took ~30 ms of every start).
export function playbookAjv(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, validateSchema: false });
    // `expects` annotates a schema with the phrase a user reads when a value has the wrong type.
    shared.addVocabulary(['expects']);
  }
  return shared;
}

let playValidator: ValidateFunction | undefined;
let taskValidator: ValidateFunction | undefined;

/** The compiled play schema (compiled on first use). */
export function validatePlay(): ValidateFunction {
  return (playValidator ??= playbookAjv().compile(playSchema));
}

/** The compiled task-keyword schema (compiled on first use). */
export function validateTask(): ValidateFunction {
  return (taskValidator ??= playbookAjv().compile(taskSchema));
}

const moduleValidators = new WeakMap<ModuleDef, ValidateFunction | { broken: string }>();

// Each module's argument schema is compiled once per process, however many tasks and playbooks use it.
export function moduleArgsValidator(mod: ModuleDef): ValidateFunction | { broken: string } {
  let found = moduleValidators.get(mod);
  if (!found) {
    try {
      found = playbookAjv().compile(mod.args);
    } catch (e) {
      found = { broken: (e as Error).message };
    }
    moduleValidators.set(mod, found);
  }
  return found;
}
