import { asConnectionError } from '../errors/connectionError.js';
import { FerryError } from '../errors/FerryError.js';
import { connectionVarsOf } from '../inventory/index.js';
import type { ModuleContext, ModuleDef } from '../modules/defineModule.js';
import type { TaskDef } from '../playbook/types.js';
import type { RemoteHost } from '../transport/types.js';
import { evaluateCondition, hasTemplate, referencedNames, type Scope } from '../template/index.js';
import { checkRenderedArgs } from './checkRenderedArgs.js';
import { executeModule, messageOf, type ModuleOutcome } from './executeModule.js';
import { flag } from './flag.js';
import type { HostState } from './HostState.js';
import type { Inherited } from './Inherited.js';
import type { LoopFacts } from './LoopFacts.js';
import type { PlayContext } from './PlayContext.js';
import { renderArgs } from './renderArgs.js';

/** A loop item's place in its loop, and the facts read ahead for the loop's items. */
export interface LoopPlace {
  facts: LoopFacts;
  index: number;
}

/** One module call's outcome, or the reason its host could not be reached. */
export type ItemOutcome = ModuleOutcome & { unreachable?: string; changes?: string[] };


// Runs a task's module once on one host (one loop item): render, guard secrets, connect, probe/plan/apply, then changed_when/failed_when.
export async function runItem(pc: PlayContext, task: TaskDef, inh: Inherited, state: HostState, scope: Scope, loop?: LoopPlace): Promise<ItemOutcome> {
  const module = pc.opts.modules.get(task.module);
  if (!module) throw new FerryError('UNKNOWN_MODULE', `unknown module '${task.module}'`, task.pos);
  const args = itemArgs(pc, module, task, inh, scope);
  const { opts } = pc;

  const checkOverride = flag(inh.check_mode, scope, task.pos);
  const check = checkOverride ?? opts.check;
  const delegated = inh.delegate_to !== undefined && ['localhost', '127.0.0.1'].includes(String(inh.delegate_to));
  let host: RemoteHost;
  try {
    host = module.local ? opts.localHost : delegated ? opts.localHost : await connectionOf(pc, state);
  } catch (err) {
    const lost = asConnectionError(err);
    if (lost) {
      return { status: 'failed', unreachable: lost.message + (lost.hint ? ` (${lost.hint})` : ''), result: { unreachable: true } };
    }
    throw err;
  }
  const ctx: ModuleContext = {
    host,
    hostname: state.name,
    become: flag(inh.become, scope, task.pos) ?? hostBecome(pc, state) ?? pc.play.play.become,
    check,
    baseDir: pc.baseDir,
    secret: (value) => opts.redactor.add(value),
    log: (message) => opts.listener.verbose?.(2, state.name, opts.redactor.mask(message)),
    runId: opts.runId,
  };
  let outcome: ItemOutcome;
  try {
    const ahead = loop ? await loop.facts.factsFor(ctx, loop.index, args) : undefined;
    outcome = await executeModule(module, args, ctx, { check, pendingBefore: state.pendingChanges > 0, ...ahead });
  } catch (err) {
    const lost = asConnectionError(err);
    if (lost && !delegated) {
      return { status: 'failed', unreachable: lost.message, result: { unreachable: true } };
    }
    return { status: 'failed', msg: messageOf(err), result: { failed: true, msg: messageOf(err) } };
  }
  return applyConditions(outcome, task, scope, check);
}

// A task's arguments for one host (or loop item): rendered, type-checked once rendered, secrets registered before use.
export function itemArgs(pc: PlayContext, module: ModuleDef, task: TaskDef, inh: Inherited, scope: Scope): Record<string, unknown> {
  const { opts } = pc;
  const args = renderArgs(module, task.args, scope, task.argPos, task.pos);
  if (hasTemplate(task.args)) checkRenderedArgs(module, task.args, args, task.argPos, task.pos);
  const noLog = flag(inh.no_log, scope, task.pos) ?? false;
  for (const key of module.alwaysSecret ?? []) opts.redactor.addDeep(args[key]);
  if (noLog) for (const key of module.secretArgs ?? []) opts.redactor.addDeep(args[key]);
  return args;
}

function applyConditions(outcome: ItemOutcome, task: TaskDef, scope: Scope, check: boolean): ItemOutcome {
  if (outcome.status === 'skipped' || outcome.status === 'pending') return outcome;
  // In check mode a change is only predicted: a condition that reads the task's own result has nothing to judge yet.
  const predicted = check && outcome.status === 'changed';
  const judged = (condition: unknown): boolean => condition !== undefined && !(predicted && readsResult(condition, task.register));
  const [changedWhen, failedWhen] = [judged(task.changed_when), judged(task.failed_when)];
  if (!changedWhen && !failedWhen) return outcome;
  const view = scope.child(task.register ? { [task.register]: outcome.result } : {});
  const result = { ...outcome.result };
  let status = outcome.status;
  if (changedWhen) {
    const changed = evaluateCondition(task.changed_when, view, task.pos);
    result.changed = changed;
    if (status !== 'failed') status = changed ? 'changed' : 'ok';
  }
  if (failedWhen) {
    const failed = evaluateCondition(task.failed_when, view, task.pos);
    result.failed = failed;
    status = failed ? 'failed' : result.changed ? 'changed' : 'ok';
  }
  // Work that check mode did not do was not verified either: never report it as ok.
  if (predicted && status === 'ok') {
    const would = (outcome.plan?.changes ?? []).map((c) => c.summary).join('; ');
    return { ...outcome, status: 'skipped', msg: `not run in check mode${would ? `: would ${would}` : ''}`, result: { ...result, skipped: true } };
  }
  return { ...outcome, status, result };
}

function readsResult(condition: unknown, register: string | undefined): boolean {
  if (register === undefined) return false;
  return (Array.isArray(condition) ? condition : [condition]).some((c) => referencedNames(c, { expression: true }).includes(register));
}

/** `ansible_become` / `become` in the inventory: Ansible lets the host's variable beat the play's keyword. */
function hostBecome(pc: PlayContext, state: HostState): boolean | undefined {
  const host = pc.opts.inventory.hosts.get(state.name);
  return host ? connectionVarsOf(host).become : undefined;
}

function connectionOf(pc: PlayContext, state: HostState): Promise<RemoteHost> {
  state.connection ??= pc.opts.connectionSpec(state.name).then((spec) => pc.opts.connector.connect(spec));
  return state.connection;
}
