import { Ajv, type ValidateFunction } from 'ajv';
import type { SchemaNode, Swagger, SwaggerResponse } from './loadSwagger.js';
import { undocumentedStatus } from './undocumentedStatuses.js';

const SCHEMA_ID = 'gitea-swagger';

/** Fields real Gitea sends that its swagger omits (CONTRACT §1, §5): `User.username` comes from MarshalJSON. */
const KNOWN_EXTRAS: Record<string, string[]> = { User: ['username'] };

/** Gitea's error bodies: APIError `{message, url}`, plus `errors` from APIErrorNotFound; bare middleware maps omit `url`. */
const ERROR_FIELDS = ['message', 'url', 'errors'];

// Checks one answer of the double against the response Gitea's swagger declares for that route and status.
export class SwaggerValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly swagger: Swagger) {
    this.ajv.addVocabulary(['x-go-name', 'x-go-package', 'x-go-enum-desc', 'example']);
    this.ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    this.ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('uint64', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });
    this.ajv.addSchema({ $id: SCHEMA_ID, definitions: nullablePointers(swagger.definitions) });
  }

  /** Whether the swagger describes this operation (method in any case, path below /api/v1). */
  hasOperation(method: string, path: string): boolean {
    return this.swagger.paths[path]?.[method.toLowerCase()] !== undefined;
  }

  /** Every way the answer departs from the swagger; empty when it conforms. */
  problems(method: string, path: string, status: number, body: unknown): string[] {
    const op = this.swagger.paths[path]?.[method.toLowerCase()];
    if (!op) return [`${method} ${path} is not in the swagger`];
    const listed = op.responses[String(status)];
    if (!listed) {
      if (undocumentedStatus(method, path, status)) return this.errorProblems(body);
      return [`${method} ${path} answered ${status}, which the swagger does not list (it lists ${Object.keys(op.responses).join(', ')})`];
    }
    const response = this.resolve(listed);
    if (response.schema) return this.schemaProblems(response.schema, body);
    if (status >= 400) return this.errorProblems(body);
    return body === undefined ? [] : [`${status} must have an empty body, got ${JSON.stringify(body)}`];
  }

  private resolve(r: SwaggerResponse): SwaggerResponse {
    if (!r.$ref) return r;
    const name = r.$ref.replace('#/responses/', '');
    const shared = this.swagger.responses[name];
    if (!shared) throw new Error(`swagger: unknown response ${r.$ref}`);
    return shared;
  }

  private schemaProblems(schema: SchemaNode, body: unknown, exactFields = true): string[] {
    const validate = this.compile(schema);
    const problems = validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`);
    const def = refName(schema) ?? refName(schema.items as SchemaNode | undefined);
    if (def && exactFields) {
      const items = Array.isArray(body) ? body : [body];
      items.forEach((item) => problems.push(...this.fieldProblems(def, item)));
    }
    return problems;
  }

  // Gitea's structs have no omitempty: an answer carries exactly the schema's properties, plus known extras.
  private fieldProblems(def: string, item: unknown): string[] {
    if (!item || typeof item !== 'object') return [];
    const expected = Object.keys((this.swagger.definitions[def].properties ?? {}) as object);
    const allowed = new Set([...expected, ...(KNOWN_EXTRAS[def] ?? [])]);
    const present = Object.keys(item);
    return [
      ...expected.filter((k) => !present.includes(k)).map((k) => `${def}.${k} is missing`),
      ...present.filter((k) => !allowed.has(k)).map((k) => `${def}.${k} is not in the swagger`),
    ];
  }

  private errorProblems(body: unknown): string[] {
    const problems = this.schemaProblems({ $ref: '#/definitions/APIError' }, body, false);
    if (!body || typeof body !== 'object' || typeof (body as { message?: unknown }).message !== 'string') {
      return [...problems, 'an error body needs a string message'];
    }
    const errors = (body as { errors?: unknown }).errors;
    if (errors !== undefined && errors !== null && !(Array.isArray(errors) && errors.every((e) => typeof e === 'string'))) {
      problems.push('errors must be null or a list of strings');
    }
    const unknown = Object.keys(body).filter((k) => !ERROR_FIELDS.includes(k));
    return [...problems, ...unknown.map((k) => `error body field ${k} is not one Gitea sends`)];
  }

  private compile(schema: SchemaNode): ValidateFunction {
    const key = JSON.stringify(schema);
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(rebase(schema) as SchemaNode);
      this.compiled.set(key, fn);
    }
    return fn;
  }
}

function refName(schema: SchemaNode | undefined): string | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string' ? ref.replace('#/definitions/', '') : undefined;
}

/** Points `#/definitions/X` of a response schema at the definitions registered under SCHEMA_ID. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? `${SCHEMA_ID}${v}` : rebase(v)]),
  );
}

// Go pointers to structs encode as null, which Swagger 2.0 cannot say (ListTeams sends "organization": null).
function nullablePointers(definitions: Record<string, SchemaNode>): Record<string, SchemaNode> {
  return Object.fromEntries(
    Object.entries(definitions).map(([name, def]) => {
      const props = def.properties as Record<string, SchemaNode> | undefined;
      if (!props) return [name, def];
      const relaxed = Object.fromEntries(
        Object.entries(props).map(([k, p]) => [k, typeof p.$ref === 'string' ? { anyOf: [{ $ref: p.$ref }, { type: 'null' }] } : p]),
      );
      return [name, { ...def, properties: relaxed }];
    }),
  );
}
