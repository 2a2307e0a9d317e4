import type { ModuleDef } from '../modules/defineModule.js';
import { argumentRows, shownValue, type ArgumentRow } from './argumentRows.js';
import { argumentRules } from './argumentRules.js';
import { wrapText } from './wrapText.js';

const WIDTH = 100;
const DETAIL = ' '.repeat(8);

/** One argument, ansible-doc style: `= name` when required, `- name` otherwise, then its details indented. */
function argumentBlock(row: ArgumentRow): string[] {
  const lines = [`${row.required ? '=' : '-'} ${row.name}`];
  if (row.description) lines.push(...wrapText(row.description, WIDTH, DETAIL));
  lines.push(`${DETAIL}type: ${row.type}`);
  if (row.choices) lines.push(`${DETAIL}choices: ${row.choices.map(shownValue).join(', ')}`);
  if (row.default !== undefined) lines.push(`${DETAIL}default: ${shownValue(row.default)}`);
  if (row.secret === 'always') lines.push(`${DETAIL}secret: always masked in output, reports and diffs`);
  if (row.secret === 'no_log') lines.push(`${DETAIL}secret: masked when the task sets no_log`);
  return [...lines, ''];
}

// `ferry doc MODULE`: what ansible-doc shows, from the module's own schema and example, so it cannot drift from validation.
export function moduleText(mod: ModuleDef): string {
  const lines = [`> ${mod.name.toUpperCase()}    ${mod.summary}`, ''];
  if (typeof mod.args.description === 'string') lines.push(...wrapText(mod.args.description, WIDTH, '  '), '');
  if (mod.freeForm) lines.push(`  A bare string sets ${mod.freeForm}: '${mod.name}: TEXT'.`, '');
  const rows = argumentRows(mod);
  if (rows.length > 0) {
    lines.push('ARGUMENTS (= required, - optional):', '');
    for (const row of rows) lines.push(...argumentBlock(row));
  } else {
    lines.push('ARGUMENTS: none', '');
  }
  const rules = argumentRules(mod.args);
  if (rules.length > 0) lines.push('RULES:', ...rules.map((r) => `  - ${r}`), '');
  if (mod.example) lines.push('EXAMPLE:', '', mod.example.trimEnd(), '');
  return lines.join('\n');
}

// `ferry doc`: every module with its one-line summary, like `ansible-doc -l`.
export function moduleListText(modules: Iterable<ModuleDef>): string {
  const list = [...modules].sort((a, b) => a.name.localeCompare(b.name));
  const width = Math.max(...list.map((m) => m.name.length));
  return list.map((m) => `${m.name.padEnd(width)}  ${m.summary}`).join('\n') + '\n';
}
