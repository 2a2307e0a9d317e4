import { FerryError } from '../errors/FerryError.js';
import { applyLimit, selectHosts } from '../inventory/index.js';
import type { PlayDef, Step, TaskDef } from '../playbook/types.js';
import { resolveSecrets } from '../secrets/resolveSecrets.js';
import { batches } from './batches.js';
import { HostState } from './HostState.js';
import { ROOT } from './Inherited.js';
import type { PlayContext } from './PlayContext.js';
import { varsFilesOf, type PlayVars } from './PlayVars.js';
import type { RunOptions } from './RunOptions.js';
import { runSteps, type AfterTask } from './runSteps.js';
import { runTask } from './runTask.js';
import { playMagic, scopeFor } from './scopeFor.js';
import { hasTemplatedVarsFiles, templatedVarsFiles } from './templatedVarsFiles.js';

/** Thrown by the failure policy to stop a play (and the run) on every host. */
export class PlayAborted extends Error {}

// Runs one play: its hosts in rolling batches, tasks in order on every host of a batch, handlers at the end of each batch.
export async function runPlay(opts: RunOptions, play: PlayDef, states: Map<string, HostState>, baseDir: string): Promise<void> {
  const names = playHosts(opts, play);
  const hosts = names.map((n) => states.get(n)!).filter((s) => s.active);
  opts.listener.playStart?.({ name: play.name || play.hosts, hosts: hosts.map((h) => h.name) });
  if (hosts.length === 0) return;
  const playVars: PlayVars = {
    play,
    vars: play.vars,
    varsFiles: varsFilesOf(play),
    secrets: resolveSecrets(play.secrets ?? {}, { baseDir, env: process.env, redactor: opts.redactor, pos: play.pos }),
    hosts: hosts.map((h) => h.name),
  };
  const pc: PlayContext = {
    opts,
    play: playVars,
    states,
    baseDir,
    scopeOf: (state, taskVars) =>
      scopeFor({
        inventory: opts.inventory,
        state,
        play: playVars,
        taskVars,
        extraVars: opts.extraVars,
        check: opts.check,
        hostScope: (name) => pc.scopeOf(states.get(name) ?? state, []),
        shared,
      }),
  };
  const shared = playMagic(opts.inventory, (name) => pc.scopeOf(states.get(name) ?? new HostState(name), []));
  if (hasTemplatedVarsFiles(play)) {
    playVars.hostVarsFiles = new Map(hosts.map((h) => [h.name, { ...playVars.varsFiles, ...templatedVarsFiles(play, pc.scopeOf(h, [])) }]));
  }
  for (const batch of batches(hosts, play.serial, play.pos)) {
    await runSteps(pc, play.tasks, ROOT, batch, failurePolicy(play, batch));
    await runHandlers(pc, play.handlers, batch);
    // Unlike ansible-playbook, a batch in which every host failed does not stop the rollout by itself:
    // max_fail_percentage (checked after every task) is what decides that, so the rule is written in the play.
  }
}

/** The play's hosts narrowed by --limit; the CLI already refused a limit that matches no host at all. */
export function playHosts(opts: RunOptions, play: PlayDef): string[] {
  const names = selectHosts(opts.inventory, play.hosts);
  if (!opts.limit || names.length === 0) return names;
  try {
    return applyLimit(opts.inventory, names, opts.limit);
  } catch (err) {
    if (err instanceof FerryError && err.code === 'LIMIT') return [];
    throw err;
  }
}

function failurePolicy(play: PlayDef, batch: HostState[]): AfterTask {
  return () => {
    // A failure inside a block with a rescue is the rescue's to handle: it counts only if the rescue fails too.
    const failed = batch.filter((h) => (h.failed && h.rescuable === 0) || h.unreachable !== undefined).length;
    if (failed === 0) return;
    if (play.any_errors_fatal === true) throw new PlayAborted(`any_errors_fatal: a host failed in play '${play.name}'`);
    const max = play.max_fail_percentage;
    if (max !== undefined && (failed / batch.length) * 100 > Number(max)) {
      throw new PlayAborted(`max_fail_percentage ${max}% exceeded: ${failed} of ${batch.length} hosts failed in play '${play.name}'`);
    }
  };
}

/** Each notified handler runs once, in the order handlers are written, on the hosts that notified it. */
async function runHandlers(pc: PlayContext, handlers: Step[], batch: HostState[]): Promise<void> {
  for (const handler of flatten(handlers)) {
    const topics = [handler.name, ...[handler.listen ?? []].flat()].filter(Boolean) as string[];
    const targets = batch.filter((h) => h.active && topics.some((t) => h.notified.has(t)));
    if (targets.length) await runTask(pc, handler, ROOT, targets, true);
  }
  for (const h of batch) h.notified.clear();
}

function flatten(steps: Step[]): TaskDef[] {
  return steps.flatMap((s) => (s.kind === 'task' ? [s] : s.kind === 'include' ? flatten(s.steps) : flatten([...s.block, ...s.rescue, ...s.always])));
}
