import { FerryError } from '../errors/FerryError.js';
import type { ModuleContext, ModuleDef, Plan } from '../modules/defineModule.js';
import type { FileChange, TaskStatus } from '../report/types.js';
import { probeHost } from './probeHost.js';

/** The raw outcome of one module call on one host: unmasked, for the engine to mask and register. */
export interface ModuleOutcome {
  status: TaskStatus;
  msg?: string;
  plan?: Plan;
  /** Values a `register` sees. */
  result: Record<string, unknown>;
  /** Files apply changed, with their backups. */
  files?: FileChange[];
}

// Probe, plan, and apply only when the plan has changes and the task is not in check mode: check mode falls out of that.
export async function executeModule(
  module: ModuleDef,
  args: Record<string, unknown>,
  ctx: ModuleContext,
  opts: { check: boolean; pendingBefore: boolean; facts?: unknown },
): Promise<ModuleOutcome> {
  let plan: Plan;
  try {
    const facts = 'facts' in opts ? opts.facts : await module.probe({ ...ctx, host: probeHost(ctx.host) }, args);
    plan = module.plan(facts, args);
  } catch (err) {
    // A probe that fails after an earlier would-be change in check mode depends on that change: pending, not failed.
    // A local module (fail, assert) probes nothing: its failure is the playbook's verdict, in check mode too.
    if (opts.check && opts.pendingBefore && !module.local && !(err instanceof FerryError && err.code === 'UNREACHABLE')) {
      return { status: 'pending', msg: `${messageOf(err)} (depends on a change not made in check mode)`, result: { pending: true } };
    }
    throw err;
  }
  const base = { ...(plan.result ?? {}) };
  if (plan.pending) return { status: 'pending', msg: plan.pending, plan, result: { ...base, pending: true } };
  if (plan.skipped) return { status: 'skipped', msg: plan.skipped, plan, result: { ...base, skipped: true, changed: false } };
  if (plan.changes.length === 0) return { status: 'ok', msg: plan.msg, plan, result: { ...base, changed: false } };
  if (opts.check || module.readOnly) {
    return { status: 'changed', msg: plan.msg, plan, result: { ...base, changed: true } };
  }
  const applied = await module.apply(ctx, plan, args);
  const result = { ...base, ...(applied.result ?? {}), changed: true, failed: applied.failed === true };
  const files = applied.files?.length ? { files: applied.files } : {};
  return { status: applied.failed ? 'failed' : 'changed', msg: applied.msg ?? plan.msg, plan, result, ...files };
}

/** The one-line text of any thrown value; FerryErrors keep their place and hint. */
export function messageOf(err: unknown): string {
  if (err instanceof FerryError) return err.format();
  if (err instanceof Error) return err.message;
  return String(err);
}
