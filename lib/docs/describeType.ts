import { isSchema, schemaList, type JsonSchema } from './JsonSchema.js';

const unique = (names: string[]): string[] => [...new Set(names)];

/** The JSON type name of a literal, as schemas spell it. */
function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'mapping' : typeof value;
}

/** One JSON type of a schema, in the words of a playbook author. */
function typeWord(type: string, schema: JsonSchema): string {
  if (type === 'array') {
    if (!isSchema(schema.items)) return 'list';
    const item = describeType(schema.items);
    return `list of ${item.includes(' or ') ? `(${item})` : item}`;
  }
  if (type === 'object') return isSchema(schema.additionalProperties) ? `mapping of ${describeType(schema.additionalProperties)}` : 'mapping';
  return type;
}

// `ferry doc` shows an argument's type the way a playbook author reads it: "string", "list of string", "string or integer".
export function describeType(schema: JsonSchema): string {
  if ('const' in schema) return typeOfValue(schema.const);
  if (Array.isArray(schema.enum)) return unique(schema.enum.map(typeOfValue)).join(' or ');
  const types = schema.type === undefined ? [] : [schema.type].flat().map(String);
  if (types.length > 0) return unique(types.map((t) => typeWord(t, schema))).join(' or ');
  const branches = [...schemaList(schema.anyOf), ...schemaList(schema.oneOf)];
  if (branches.length > 0) return unique(branches.map(describeType).flatMap((t) => t.split(' or '))).join(' or ');
  return 'any';
}

/** The values an argument may take, when its schema lists them (directly or in its branches). */
export function choicesOf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  const branches = [...schemaList(schema.anyOf), ...schemaList(schema.oneOf)].map(choicesOf).filter((c) => c !== undefined);
  return branches.length > 0 ? branches.flat() : undefined;
}
