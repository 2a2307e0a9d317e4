import { isSchema, type JsonSchema } from './JsonSchema.js';

/** Keywords whose value is one sub-schema. */
const ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames', 'contains'];
/** Keywords whose value is a list of sub-schemas. */
const MANY = ['anyOf', 'oneOf', 'allOf'];
/** Keywords whose value maps names to sub-schemas. */
const MAPS = ['properties', 'patternProperties', 'dependencies', 'definitions'];

function mapValues(value: Record<string, unknown>, fn: (v: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fn(v)]));
}

// ferry's schemas carry `expects` (the phrase its own errors use); an editor schema must be plain draft-07, so the phrase
// becomes part of the description and the keyword goes.
export function cleanSchema(schema: unknown): unknown {
  if (!isSchema(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'expects') continue;
    if (ONE.includes(key)) out[key] = cleanSchema(value);
    else if (MANY.includes(key) && Array.isArray(value)) out[key] = value.map(cleanSchema);
    else if (MAPS.includes(key) && isSchema(value)) out[key] = mapValues(value, cleanSchema);
    else out[key] = value;
  }
  if (typeof schema.expects === 'string' && out.description === undefined) out.description = `Expects ${schema.expects}.`;
  return out;
}
