import type { Pos } from '../playbook/types.js';
import { isTrue, renderValue, type Scope } from '../template/index.js';

// A boolean keyword (become, no_log, run_once …) that may be written as a template.
export function flag(value: unknown, scope: Scope, pos?: Pos): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  return isTrue(renderValue(value, scope, pos));
}
