import { Ajv, type ValidateFunction } from 'ajv';
import type { JsonSchema } from './JsonSchema.js';

/** A string of the shape every `{{ template }}` has, tried against a schema. */
const SAMPLE = '{{ x }}';

let ajv: Ajv | undefined;
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

// Whether a schema already lets a templated string through, so the editor schema wraps only the values that need it.
export function acceptsTemplate(schema: JsonSchema): boolean {
  ajv ??= new Ajv({ strict: false, allowUnionTypes: true });
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(SAMPLE) === true;
}
