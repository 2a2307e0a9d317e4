import type { Pos } from '../playbook/types.js';
import { evaluateNode } from './eval/evaluateNode.js';
import { isTrue } from './isTrue.js';
import type { Scope } from './Scope.js';
import { parseBare } from './syntax/parseTemplate.js';
import { atPos } from './TemplateFault.js';
import { defined } from './Undefined.js';

// Decides a `when:` / `changed_when:` / `failed_when:` value as Ansible does: a YAML boolean as is, no value
// as true, a list when every item holds, a string as a bare expression (a lone `{{ expr }}` is accepted too).
export function evaluateCondition(condition: unknown, scope: Scope, where?: Pos): boolean {
  if (Array.isArray(condition)) return condition.every((c) => evaluateCondition(c, scope, where));
  if (condition === null || condition === undefined) return true;
  if (typeof condition !== 'string') return isTrue(condition);
  return atPos(where, () => isTrue(defined(evaluateNode(parseBare(condition), scope))));
}
