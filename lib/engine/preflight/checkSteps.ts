import type { ModuleDef } from '../../modules/defineModule.js';
import type { Problems } from '../../playbook/Problems.js';
import type { Pos, Step, TaskDef, TaskKeywords } from '../../playbook/types.js';
import { checkValue, parses } from './checkValue.js';
import type { NameContext } from './NameContext.js';

/** Keywords the engine reads as a yes/no that may be written as a template. */
const FLAG_KEYWORDS = ['become', 'no_log', 'check_mode', 'ignore_errors', 'run_once'] as const;

/** The only delegates ferry has: the controller. */
const LOCAL_DELEGATES = new Set(['localhost', '127.0.0.1']);

// Checks every task, block and include of a list, with the names each one can read (its vars, its loop variables).
export function checkSteps(steps: Step[], ctx: NameContext, modules: ReadonlyMap<string, ModuleDef>, problems: Problems): void {
  for (const step of steps) {
    const inner = ctx.with(step.vars);
    checkKeywords(step, inner, problems);
    if (step.kind === 'task') {
      checkTask(step, inner, modules, problems);
      continue;
    }
    if (step.when !== undefined) checkValue(step.when, 'expression', inner, { pos: step.pos, what: "'when'" }, problems);
    const parts = step.kind === 'include' ? [step.steps] : [step.block, step.rescue, step.always];
    for (const part of parts) checkSteps(part, inner, modules, problems);
  }
}

/** What blocks, includes and tasks share: their vars parse, their flags resolve, their delegate exists. */
function checkKeywords(step: TaskKeywords & { pos: Pos }, ctx: NameContext, problems: Problems): void {
  for (const [name, value] of Object.entries(step.vars ?? {})) parses(value, 'template', { pos: step.pos, what: `vars '${name}'` }, problems, `in vars '${name}': `);
  for (const key of FLAG_KEYWORDS) {
    if (typeof step[key] === 'string') checkValue(step[key], 'template', ctx, { pos: step.pos, what: `'${key}'` }, problems);
  }
  if (step.delegate_to !== undefined && !LOCAL_DELEGATES.has(String(step.delegate_to))) {
    const message = `delegate_to '${step.delegate_to}': ferry delegates only to localhost`;
    problems.add('SCHEMA', message, step.pos, 'write delegate_to: localhost to run the task on the controller, or target the host with hosts:');
  }
}

/** A task's loop is read in the host's scope; its arguments and conditions once per item, with the loop variables. */
function checkTask(task: TaskDef, ctx: NameContext, modules: ReadonlyMap<string, ModuleDef>, problems: Problems): void {
  const at = (what: string, pos = task.pos) => ({ pos, what });
  let item = ctx;
  if (task.loop !== undefined) {
    checkValue(task.loop, 'template', ctx, at("'loop'"), problems);
    const control = task.loop_control ?? {};
    item = ctx.with(undefined, [control.loop_var ?? 'item', ...(control.index_var ? [control.index_var] : [])]);
    if (control.label !== undefined) checkValue(control.label, 'template', item, at("loop_control 'label'"), problems);
  }
  for (const key of ['when', 'changed_when', 'failed_when'] as const) {
    if (task[key] !== undefined) checkValue(task[key], 'expression', item, at(`'${key}'`), problems);
  }
  const evaluated = new Set(modules.get(task.module)?.evaluate ?? []);
  for (const [key, value] of Object.entries(task.args)) {
    const site = at(`argument '${key}'`, task.argPos[key]);
    if (!evaluated.has(key)) checkValue(value, 'template', item, site, problems);
    else for (const one of Array.isArray(value) ? value : [value]) checkValue(one, readAsEvaluated(one), item, site, problems);
  }
}

/** The engine renders an evaluated argument written as `{{ … }}` and evaluates any other string bare (renderArgs). */
function readAsEvaluated(value: unknown): 'template' | 'expression' {
  if (typeof value !== 'string') return 'template';
  const text = value.trim();
  return text.startsWith('{{') && text.endsWith('}}') ? 'template' : 'expression';
}
