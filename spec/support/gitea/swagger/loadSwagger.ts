import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** A JSON Schema node of the swagger file (Swagger 2.0 flavour). */
export type SchemaNode = Record<string, unknown>;

/** A response entry of an operation, or of the shared `responses` section. */
export interface SwaggerResponse {
  description?: string;
  schema?: SchemaNode;
  headers?: Record<string, { type: string }>;
  $ref?: string;
}

/** The parts of Gitea's swagger file the drift check reads. */
export interface Swagger {
  basePath: string;
  paths: Record<string, Record<string, { responses: Record<string, SwaggerResponse> }>>;
  responses: Record<string, SwaggerResponse>;
  definitions: Record<string, SchemaNode>;
}

/** Where the shared Gitea reference files live: `../shared/gitea/` beside the repo root. */
export const SHARED_GITEA_DIR = join(fileURLToPath(new URL('../../../../', import.meta.url)), '..', 'shared', 'gitea');

// Reads Gitea 1.25.4's own API description; its absence is a setup problem, said plainly instead of an ENOENT.
export function loadSwagger(dir = SHARED_GITEA_DIR): Swagger {
  const file = join(dir, 'gitea-swagger-v1.json');
  if (!existsSync(file)) {
    throw new Error(
      'Gitea API description missing: expected ../shared/gitea/gitea-swagger-v1.json relative to the repo root ' +
        '(templates/swagger/v1_json.tmpl of Gitea v1.25.4). The drift check of the Gitea double cannot run without it.',
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Swagger;
}
