import { referencedNames } from '../../template/index.js';

/** How a value is read: as text with `{{ }}`, or as a bare expression (`when:`). */
export type ReadAs = 'template' | 'expression';

// The variables a value cannot do without: a name one expression guards anywhere (`x is defined and x.y`,
// `x | default(1)`) may be missing. The value must already have passed `referencedNames` (the syntax check).
export function requiredNames(value: unknown, readAs: ReadAs): string[] {
  if (readAs === 'expression' && Array.isArray(value)) return [...new Set(value.flatMap((v) => requiredNames(v, readAs)))];
  return referencedNames(value, { expression: readAs === 'expression', requiredOnly: true });
}
