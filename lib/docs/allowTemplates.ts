import { acceptsTemplate } from './acceptsTemplate.js';
import { isSchema, type JsonSchema } from './JsonSchema.js';

/** A value holding `{{`: only the engine knows its type, once rendered on the host. */
export const TEMPLATE_STRING: JsonSchema = {
  type: 'string',
  pattern: '\\{\\{',
  description: 'A {{ template }}: its value is checked once rendered.',
};

// Module arguments may be templates wherever a typed value goes (`mode: "{{ m }}"`, `scopes: "{{ list }}"`); the loader
// checks them after rendering, so the editor schema must accept them too, without loosening the untemplated values.
export function allowTemplates(schema: JsonSchema): JsonSchema {
  const inner: JsonSchema = { ...schema };
  if (isSchema(schema.items)) inner.items = allowTemplates(schema.items);
  if (isSchema(schema.additionalProperties)) inner.additionalProperties = allowTemplates(schema.additionalProperties);
  if (isSchema(schema.properties)) inner.properties = templatedProperties(schema.properties);
  if (acceptsTemplate(inner)) return inner;
  const { description, default: dflt, ...rest } = inner;
  const wrapped: JsonSchema = {};
  if (description !== undefined) wrapped.description = description;
  if (dflt !== undefined) wrapped.default = dflt;
  wrapped.anyOf = [rest, TEMPLATE_STRING];
  return wrapped;
}

/** Every property of a mapping, each allowed to be a template. */
export function templatedProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, isSchema(s) ? allowTemplates(s) : s]));
}
