import { FerryError } from '../errors/FerryError.js';
import type { ModuleDef } from '../modules/defineModule.js';
import type { TaskDef } from '../playbook/types.js';
import type { HostTaskResult, TaskStatus } from '../report/types.js';
import { evaluateCondition, literalVars, renderValue, type Scope } from '../template/index.js';
import { messageOf } from './executeModule.js';
import { flag } from './flag.js';
import type { HostState } from './HostState.js';
import { inherit, toList, type Inherited } from './Inherited.js';
import type { PlayContext } from './PlayContext.js';
import { LoopFacts, type LoopItemArgs } from './LoopFacts.js';
import { itemArgs, runItem, type ItemOutcome } from './runItem.js';
import { toHostResult } from './toHostResult.js';

/** A task's result on one host, with what `register` stores and whether the host became unreachable. */
export interface TaskOnHost {
  result: HostTaskResult;
  registered: Record<string, unknown>;
  unreachable?: string;
}

// Runs one task on one host: when, loop, the module per item, then register, notify, ignore_errors.
export async function runTaskOnHost(pc: PlayContext, task: TaskDef, outer: Inherited, state: HostState): Promise<TaskOnHost> {
  const started = Date.now();
  const inh = inherit(outer, task);
  const scope = pc.scopeOf(state, inh.vars);
  let noLog = false;
  let outcome: ItemOutcome & { items?: HostTaskResult[] };
  try {
    noLog = flag(inh.no_log, scope, task.pos) ?? false;
    outcome = task.loop === undefined ? await runSingle(pc, task, inh, state, scope) : await runLoop(pc, task, inh, state, scope, noLog);
  } catch (err) {
    outcome = { status: 'failed', msg: messageOf(err), result: { failed: true, msg: messageOf(err) } };
  }
  const result = toHostResult(state.name, outcome, { redactor: pc.opts.redactor, noLog });
  if (outcome.items) result.items = outcome.items;
  if (pc.opts.modules.get(task.module)?.prints) {
    // A looped task prints item by item: each item's message is output as much as a single task's is.
    for (const r of [result, ...(result.items ?? [])]) if (r.msg !== undefined) r.prints = true;
  }
  result.ms = Date.now() - started;
  if (inh.delegate_to !== undefined) result.delegatedTo = String(inh.delegate_to);
  if (outcome.status === 'failed' && !outcome.unreachable && (flag(inh.ignore_errors, scope, task.pos) ?? false)) result.ignored = true;
  const registered: Record<string, unknown> = { ...outcome.result, failed: outcome.status === 'failed', changed: outcome.status === 'changed' };
  if (outcome.msg !== undefined) registered.msg = outcome.msg;
  return { result, registered, unreachable: outcome.unreachable };
}

async function runSingle(pc: PlayContext, task: TaskDef, inh: Inherited, state: HostState, scope: Scope): Promise<ItemOutcome> {
  if (!whenHolds(task, inh, scope)) return skipped();
  return runItem(pc, task, inh, state, scope);
}

async function runLoop(pc: PlayContext, task: TaskDef, inh: Inherited, state: HostState, scope: Scope, noLog: boolean) {
  const items = renderValue(task.loop, scope, task.pos);
  if (!Array.isArray(items)) {
    throw new FerryError('TEMPLATE', `loop must be a list, got ${typeof items}`, task.pos, 'give loop a YAML list or an expression that yields one');
  }
  const loopVar = task.loop_control?.loop_var ?? 'item';
  const indexVar = task.loop_control?.index_var;
  const outcomes: ItemOutcome[] = [];
  const shown: HostTaskResult[] = [];
  const scopeOf = (item: unknown, index: number): Scope => scope.child({ [loopVar]: item, ...(indexVar ? { [indexVar]: index } : {}) });
  const module = pc.opts.modules.get(task.module);
  const loopFacts = module && new LoopFacts(module, (from) => readAheadItems(pc, module, task, inh, items.slice(from), from, scopeOf));
  for (const [index, item] of items.entries()) {
    const itemScope = scopeOf(item, index);
    const label = labelOf(task, item, itemScope);
    const one = whenHolds(task, inh, itemScope) ? await runItem(pc, task, inh, state, itemScope, loopFacts && { facts: loopFacts, index }) : skipped();
    outcomes.push(one);
    // set_fact in a loop: each item's facts are there for the next item, as in Ansible (`acc: "{{ acc + [item] }}"`).
    const facts = one.status === 'failed' ? undefined : one.result.ansible_facts;
    if (facts && typeof facts === 'object') Object.assign(state.facts, literalVars(facts as Record<string, unknown>));
    shown.push(toHostResult(state.name, one, { redactor: pc.opts.redactor, noLog, item: label }));
    if (one.unreachable) break;
  }
  return { ...aggregate(outcomes), items: shown };
}

/** The items a read-ahead may probe: those whose condition holds and whose arguments render and check, as of now. */
function readAheadItems(
  pc: PlayContext,
  module: ModuleDef,
  task: TaskDef,
  inh: Inherited,
  items: unknown[],
  from: number,
  scopeOf: (item: unknown, index: number) => Scope,
): LoopItemArgs[] {
  const out: LoopItemArgs[] = [];
  for (const [k, item] of items.entries()) {
    const index = from + k;
    try {
      const itemScope = scopeOf(item, index);
      if (whenHolds(task, inh, itemScope)) out.push({ index, args: itemArgs(pc, module, task, inh, itemScope) });
    } catch {
      // This item reports its own problem when it runs.
    }
  }
  return out;
}

function aggregate(outcomes: ItemOutcome[]): ItemOutcome {
  const statuses = outcomes.map((o) => o.status);
  const unreachable = outcomes.find((o) => o.unreachable)?.unreachable;
  const status: TaskStatus = statuses.includes('failed')
    ? 'failed'
    : statuses.includes('changed')
      ? 'changed'
      : statuses.includes('pending')
        ? 'pending'
        : statuses.length > 0 && statuses.every((s) => s === 'skipped')
          ? 'skipped'
          : 'ok';
  const failedMsg = outcomes.find((o) => o.status === 'failed')?.msg;
  return {
    status,
    unreachable,
    msg: status === 'failed' ? `one or more items failed${failedMsg ? `: ${failedMsg}` : ''}` : undefined,
    result: { results: outcomes.map((o) => o.result), changed: status === 'changed' },
  };
}

function whenHolds(task: TaskDef, inh: Inherited, scope: Scope): boolean {
  return inh.whens.every((w) => evaluateCondition(w, scope, task.pos));
}

function labelOf(task: TaskDef, item: unknown, scope: Scope): string {
  const label = task.loop_control?.label !== undefined ? renderValue(task.loop_control.label, scope, task.pos) : item;
  return typeof label === 'string' ? label : JSON.stringify(label);
}

function skipped(): ItemOutcome {
  return { status: 'skipped', msg: 'conditional result was false', result: { skipped: true, changed: false } };
}

/** Handler names and topics a task notifies. */
export function notifiedBy(task: TaskDef): string[] {
  return toList(task.notify);
}
