import type { Pos } from '../playbook/types.js';
import { evaluate, isTrue, renderValue, type Scope } from '../template/index.js';

// Evaluates `when` / `changed_when` / `failed_when`: a bare expression, a template, a boolean, or a list that must all hold.
export function conditionHolds(cond: unknown, scope: Scope, pos?: Pos): boolean {
  if (Array.isArray(cond)) return cond.every((c) => conditionHolds(c, scope, pos));
  if (typeof cond === 'boolean') return cond;
  if (typeof cond === 'number') return cond !== 0;
  if (cond === null || cond === undefined) return true;
  const text = String(cond).trim();
  if (text.startsWith('{{') && text.endsWith('}}')) return isTrue(renderValue(text, scope, pos));
  return isTrue(evaluate(text, scope, pos));
}
