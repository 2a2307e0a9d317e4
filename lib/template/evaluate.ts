import type { Pos } from '../playbook/types.js';
import { evaluateNode } from './eval/evaluateNode.js';
import type { Scope } from './Scope.js';
import { parseBare } from './syntax/parseTemplate.js';
import { atPos } from './TemplateFault.js';
import { defined } from './Undefined.js';

// Evaluates a bare expression, as written in `when:` or `assert.that`; a lone `{{ expr }}` is read as `expr`.
export function evaluate(expr: string, scope: Scope, where?: Pos): unknown {
  return atPos(where, () => defined(evaluateNode(parseBare(expr), scope)));
}
