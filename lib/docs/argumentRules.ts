import { isSchema, propertiesOf, requiredOf, schemaList, type JsonSchema } from './JsonSchema.js';
import { shownValue } from './argumentRows.js';

/** One branch of a combinator: the arguments it requires, `name: value` where it pins a value. */
function branchText(branch: JsonSchema): string {
  const pinned = new Map(propertiesOf(branch).filter(([, s]) => 'const' in s).map(([name, s]) => [name, s.const]));
  const parts = requiredOf(branch).map((name) => (pinned.has(name) ? `${name}: ${shownValue(pinned.get(name))}` : name));
  const nested = schemaList(branch.anyOf).map(branchText);
  if (nested.length > 0) parts.push(nested.join(' or '));
  return parts.join(' + ');
}

/** `dependencies`: what one argument needs beside it. */
function dependencyText(name: string, dep: unknown): string | undefined {
  if (Array.isArray(dep)) return `${name} needs ${dep.join(' + ')}`;
  if (!isSchema(dep)) return undefined;
  const text = branchText(dep);
  return text ? `${name} needs ${text}` : undefined;
}

// The rules between arguments (exactly one of, at least one of, never together, needs), in words, from the same schema.
export function argumentRules(args: JsonSchema): string[] {
  const rules: string[] = [];
  const oneOf = schemaList(args.oneOf).map(branchText).filter(Boolean);
  if (oneOf.length > 0) rules.push(`exactly one of: ${oneOf.join(' | ')}`);
  const anyOf = schemaList(args.anyOf).map(branchText).filter(Boolean);
  if (anyOf.length > 0) rules.push(`at least one of: ${anyOf.join(' | ')}`);
  if (isSchema(args.not) && requiredOf(args.not).length > 1) rules.push(`never together: ${requiredOf(args.not).join(' + ')}`);
  if (isSchema(args.dependencies)) {
    for (const [name, dep] of Object.entries(args.dependencies)) {
      const text = dependencyText(name, dep);
      if (text) rules.push(text);
    }
  }
  return rules;
}
