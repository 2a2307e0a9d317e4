import type { Guard } from './guards.js';
import { apiError } from './replies.js';

/** One field of a Go request struct: its JSON name, Go name and type, and its binding rules. */
export interface BoundField {
  json: string;
  go: string;
  type: 'string' | 'bool' | '*bool' | 'int64' | '[]string';
  required?: boolean;
  /** Allowed values (binding `In(…)`), empty string included when listed. */
  oneOf?: string[];
}

const JSON_KIND: Record<BoundField['type'], string> = { string: 'string', bool: 'bool', '*bool': 'bool', int64: 'number', '[]string': 'array' };

// Gitea's bind(): decode the JSON into the struct (type errors are 422), then check the rules field by field and
// report the first failure as `[GoField]: Rule`.
export function bind(struct: string, fields: BoundField[]): Guard {
  return (ctx) => {
    if (ctx.bodyError) return apiError(ctx.appUrl, 422, `[]: ${ctx.bodyError}`);
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) {
      return apiError(ctx.appUrl, 422, `[]: json: cannot unmarshal ${jsonKind(body)} into Go value of type structs.${struct}`);
    }
    for (const f of fields) {
      const v = body[f.json];
      if (v === undefined || v === null) continue;
      const fits = f.type === '[]string' ? Array.isArray(v) && v.every((s) => typeof s === 'string') : jsonKind(v) === JSON_KIND[f.type];
      if (!fits) {
        return apiError(ctx.appUrl, 422, `[]: json: cannot unmarshal ${jsonKind(v)} into Go struct field ${struct}.${f.json} of type ${f.type.replace('*', '')}`);
      }
    }
    for (const f of fields) {
      const v = body[f.json];
      if (f.required && (v === undefined || v === null || v === '')) return apiError(ctx.appUrl, 422, `[${f.go}]: Required`);
      if (f.oneOf && !f.oneOf.includes(typeof v === 'string' ? v : '')) return apiError(ctx.appUrl, 422, `[${f.go}]: In`);
    }
    return undefined;
  };
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}
