import type { Pos } from '../playbook/types.js';
import { renderDeep } from './renderDeep.js';
import type { Scope } from './Scope.js';
import { atPos } from './TemplateFault.js';

// Renders every string inside a value (objects and arrays deeply, returning copies). A string that is exactly
// one `{{ expr }}`, spaces or tabs around allowed, keeps the expression's type: a list stays a list, a number a
// number. Mixed text becomes a string (see toText: true/false, none as '', lists and dicts as JSON).
// Dict keys are not rendered. Values wrapped with literal() come back verbatim.
export function renderValue(value: unknown, scope: Scope, where?: Pos): unknown {
  return atPos(where, () => renderDeep(value, scope));
}
