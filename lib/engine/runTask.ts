import type { TaskDef } from '../playbook/types.js';
import { literal, literalVars, renderValue } from '../template/index.js';
import { flag } from './flag.js';
import type { HostState } from './HostState.js';
import { inherit, type Inherited } from './Inherited.js';
import { mapLimit } from './mapLimit.js';
import type { PlayContext } from './PlayContext.js';
import { notifiedBy, runTaskOnHost, type TaskOnHost } from './runTaskOnHost.js';

// Runs one task on every active host of the batch in parallel (bounded by --forks), then records what each host learnt.
export async function runTask(pc: PlayContext, task: TaskDef, outer: Inherited, hosts: HostState[], handler = false): Promise<void> {
  const active = hosts.filter((h) => h.active);
  if (active.length === 0) return;
  const { listener } = pc.opts;
  const info = { name: taskName(pc, task, active[0]), module: task.module };
  if (pc.opts.taskGate && !(await pc.opts.taskGate({ ...info, handler, rawName: task.name }))) return;
  listener.taskStart?.({ ...info, handler });
  const inh = inherit(outer, task);
  const once = flag(inh.run_once, pc.scopeOf(active[0], inh.vars), task.pos) ?? false;
  const targets = once ? active.slice(0, 1) : active;
  const outcomes = await mapLimit(targets, pc.opts.forks, async (state) => {
    const done = await runTaskOnHost(pc, task, outer, state);
    record(pc, task, state, done, info);
    return done;
  });
  if (once) for (const state of active.slice(1)) recordQuietly(pc, task, state, outcomes[0]);
}

function record(pc: PlayContext, task: TaskDef, state: HostState, done: TaskOnHost, info: { name: string; module: string }): void {
  const { listener } = pc.opts;
  if (done.unreachable) {
    state.unreachable = pc.opts.redactor.mask(done.unreachable);
    listener.hostUnreachable?.(state.name, state.unreachable);
    return;
  }
  listener.hostResult?.(info, done.result);
  recordQuietly(pc, task, state, done);
  if (done.result.status === 'failed' && !done.result.ignored) state.failed = true;
}

/** What every host learns from a task, including the hosts a run_once task ran for. */
function recordQuietly(pc: PlayContext, task: TaskDef, state: HostState, done: TaskOnHost): void {
  const status = done.result.status;
  // A change not made in check mode makes later probes on this host depend on it (run_once changes count for all).
  if (pc.opts.check && (status === 'changed' || status === 'pending')) state.pendingChanges++;
  // Registered output is data, never a template: a `{{` in a command's stdout stays text.
  if (task.register) state.facts[task.register] = literal(done.registered);
  const facts = done.registered.ansible_facts;
  if (facts && typeof facts === 'object' && done.result.status !== 'failed') Object.assign(state.facts, literalVars(facts as Record<string, unknown>));
  if (done.result.status === 'changed') for (const name of notifiedBy(task)) state.notified.add(name);
}

function taskName(pc: PlayContext, task: TaskDef, first: HostState): string {
  if (!task.name) return task.module;
  if (!task.name.includes('{{')) return task.name;
  try {
    return pc.opts.redactor.mask(String(renderValue(task.name, pc.scopeOf(first, task.vars ? [task.vars] : []), task.pos)));
  } catch {
    return task.name;
  }
}
