import type { ErrorObject } from 'ajv';
import { didYouMean } from './didYouMean.js';
import { yamlKind } from './isMapping.js';
import type { Problems } from './Problems.js';
import type { PathSeg, YamlSource } from './YamlSource.js';

/** What was validated and how to speak of it. */
export interface AjvTarget {
  src: YamlSource;
  /** Path of the validated value inside the file. */
  base: readonly PathSeg[];
  /** How the whole value is named after a preposition: "in play", "of module 'copy'". */
  owner: string;
  /** What its properties are called: keys of a play, arguments of a module. */
  noun: 'key' | 'argument';
}

function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `secrets.TOKEN`, `serial[1]`: a path as a user would write it. */
function dotted(segs: readonly string[]): string {
  return segs.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
}

/** A short rendering of a wrong value. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}..."` : text;
}

function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{');
}

function expectsOf(error: ErrorObject): string | undefined {
  const schema = error.parentSchema as { expects?: unknown } | undefined;
  return typeof schema?.expects === 'string' ? schema.expects : undefined;
}

/** oneOf/anyOf whose branches each require some keys: "needs exactly one of 'cmd' or 'argv'". */
function combinatorRule(error: ErrorObject): string | undefined {
  if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') return undefined;
  const branches = Array.isArray(error.schema) ? (error.schema as Array<{ required?: unknown }>) : [];
  const names = branches.flatMap((b) => (Array.isArray(b?.required) ? b.required.map(String) : []));
  if (names.length === 0 || names.length < branches.length) return undefined;
  const list = names.map((n) => `'${n}'`).join(' or ');
  return error.keyword === 'oneOf' ? `need exactly one of ${list}` : `need at least one of ${list}`;
}

// Turns ajv's errors into one positioned, plainly worded problem per bad value; templated arguments wait for the engine.
export function ajvProblems(errors: readonly ErrorObject[] | null | undefined, t: AjvTarget, problems: Problems): void {
  if (!errors) return;
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const reported = new Set<string>();
  for (const error of errors) {
    if (combinators.some((c) => error.schemaPath.startsWith(`${c.schemaPath}/`))) continue;
    const segs = segments(error.instancePath);
    const path = [...t.base, ...segs];
    const inside = segs.length > 0 ? `in '${dotted(segs)}'` : t.owner;
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const hint = didYouMean(key, known) ?? (known.length > 0 ? `valid ${t.noun}s: ${known.join(', ')}` : undefined);
      problems.add('UNKNOWN_KEY', `unknown ${t.noun} '${key}' ${inside}`, t.src.keyPosOf([...path, key]), hint);
      continue;
    }
    if (error.keyword === 'propertyNames') continue;
    const badName = error.propertyName;
    if (badName !== undefined) {
      const message = `${t.noun} name '${badName}' ${inside} must be letters, digits and _ (not starting with a digit)`;
      problems.add('SCHEMA', message, t.src.keyPosOf([...path, badName]));
      continue;
    }
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      problems.add('SCHEMA', `missing required ${t.noun} '${missing}' ${inside}`, t.src.posOf(path), `add '${missing}:'`);
      continue;
    }
    // A module argument's type is only known once rendered; a keyword's schema says itself where templates are allowed.
    if (t.noun === 'argument' && isTemplated(error.data)) continue;
    if (reported.has(error.instancePath)) continue;
    reported.add(error.instancePath);
    const name = segs.length > 0 ? `'${dotted(segs)}'` : 'the value';
    const subject = t.noun === 'argument' ? (segs.length > 0 ? `argument ${name} ${t.owner}` : `arguments ${t.owner}`) : name;
    const expects = expectsOf(error);
    // Keyword values are shown; argument values may be secrets, so only their kind is.
    const got = t.noun === 'key' ? shown(error.data) : yamlKind(error.data);
    const allowed = error.keyword === 'enum' ? (error.params as { allowedValues: unknown[] }).allowedValues : undefined;
    const rule = allowed ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : (combinatorRule(error) ?? error.message ?? 'is invalid');
    const message = expects ? `${subject} must be ${expects}, got ${got}` : `${subject} ${rule}`;
    const hint = isTemplated(error.data)
      ? 'a play setting takes the value itself, not a template: template it on a block or task instead'
      : allowed && typeof error.data === 'string'
        ? didYouMean(error.data, allowed.map(String))
        : undefined;
    problems.add('SCHEMA', message, t.src.posOf(path), hint);
  }
}
