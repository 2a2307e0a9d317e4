import { FerryError } from '../../errors/FerryError.js';
import { didYouMean } from '../../playbook/didYouMean.js';
import type { Problems } from '../../playbook/Problems.js';
import type { Pos } from '../../playbook/types.js';
import { hasTemplate, referencedNames } from '../../template/index.js';
import type { NameContext } from './NameContext.js';
import { requiredNames, type ReadAs } from './requiredNames.js';

/** Where a checked value is written: its position and, for messages, which keyword or argument it is. */
export interface Site {
  pos: Pos;
  what: string;
}

const UNDEFINED_HINT = 'define it (vars, vars_files, inventory, -e, register, set_fact) or guard it with | default(...) or `is defined`';

// Checks one value of a task before the run: it must parse, and every variable it cannot do without must be known,
// also through the variables it reads (a play var "{{ base }}/x" needs base too).
export function checkValue(value: unknown, readAs: ReadAs, ctx: NameContext, site: Site, problems: Problems): void {
  if (readAs === 'expression' && Array.isArray(value)) {
    value.forEach((item) => checkValue(item, readAs, ctx, site, problems));
    return;
  }
  if (!parses(value, readAs, site, problems)) return;
  checkNames(value, readAs, ctx, site, problems, [], new Set());
}

/** The syntax check alone (for `vars:` values, read only if some task uses them); false after reporting a problem. */
export function parses(value: unknown, readAs: ReadAs, site: Site, problems: Problems, label = ''): boolean {
  const err = syntaxError(value, readAs, site.pos);
  // One problem, one line: a template quoted in the message may hold newlines.
  if (err) problems.add(err.code, `${label}${err.message}`.replace(/\r?\n/g, '\\n'), site.pos, err.hint);
  return err === undefined;
}

function syntaxError(value: unknown, readAs: ReadAs, pos?: Pos): FerryError | undefined {
  try {
    referencedNames(value, { expression: readAs === 'expression', where: pos });
    return undefined;
  } catch (err) {
    if (err instanceof FerryError) return err;
    throw err;
  }
}

function checkNames(value: unknown, readAs: ReadAs, ctx: NameContext, site: Site, problems: Problems, via: string[], seen: Set<string>): void {
  for (const name of requiredNames(value, readAs)) {
    if (!ctx.has(name)) {
      const through = via.length ? `, read through variable '${via.join("' -> '")}'` : '';
      problems.add('UNDEFINED_VAR', `'${name}' is undefined (in ${site.what}${through})`, site.pos, didYouMean(name, ctx.names()) ?? UNDEFINED_HINT);
      continue;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    for (const held of ctx.valuesOf(name)) {
      // A variable's own syntax errors are reported where it is written, or by the run when it is read.
      if (hasTemplate(held) && !syntaxError(held, 'template')) {
        checkNames(held, 'template', ctx, site, problems, [...via, name], seen);
      }
    }
  }
}
