// ferry's templating: `{{ expr }}` in strings and bare expressions in conditions, evaluated over plain data.
// No eval, no Function, no prototype access, no method calls: a small expression language, safe by construction.
export { Scope, type Vars } from './Scope.js';
export { renderValue } from './renderValue.js';
export { evaluate } from './evaluate.js';
export { evaluateCondition } from './evaluateCondition.js';
export { isTrue } from './isTrue.js';
export { hasTemplate } from './hasTemplate.js';
export { referencedNames, type ReferenceOptions } from './referencedNames.js';
export { literal, literalVars, Literal } from './Literal.js';
export { toText } from './toText.js';
export { FILTERS } from './filters/registry.js';
export { TESTS } from './tests/registry.js';
export { MAX_REGEX_SUBJECT } from './limits.js';
