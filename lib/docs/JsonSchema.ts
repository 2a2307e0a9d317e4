/** A JSON Schema (draft-07) as plain data: what module and keyword schemas are written as. */
export type JsonSchema = { [keyword: string]: unknown };

// Schemas nest arbitrary JSON; this tells a sub-schema object from a boolean schema or a value.
export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The sub-schemas of a list keyword (anyOf, oneOf, allOf), objects only. */
export function schemaList(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}

/** The `required` names of a schema. */
export function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? schema.required.map(String) : [];
}

/** The `properties` of a schema, as [name, schema] pairs (boolean schemas left out). */
export function propertiesOf(schema: JsonSchema): Array<[string, JsonSchema]> {
  const props = schema.properties;
  if (!isSchema(props)) return [];
  return Object.entries(props).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1]));
}
