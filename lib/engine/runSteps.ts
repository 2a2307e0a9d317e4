import type { BlockDef, Step } from '../playbook/types.js';
import type { HostState } from './HostState.js';
import { inherit, toList, type Inherited } from './Inherited.js';
import type { PlayContext } from './PlayContext.js';
import { runTask } from './runTask.js';
import { tagsSelected } from './tagsSelected.js';

/** Checked after every task: throws to stop the play (any_errors_fatal, max_fail_percentage). */
export type AfterTask = (hosts: HostState[]) => void;

// Walks tasks, includes and blocks in order for a batch of hosts, as Ansible's linear strategy does.
export async function runSteps(pc: PlayContext, steps: Step[], outer: Inherited, hosts: HostState[], after: AfterTask): Promise<void> {
  for (const step of steps) {
    if (!hosts.some((h) => h.active)) return;
    if (step.kind === 'task') {
      if (!tagsSelected([...outer.tags, ...toList(step.tags)], pc.opts.tags, pc.opts.skipTags)) continue;
      await runTask(pc, step, outer, hosts);
      after(hosts);
    } else if (step.kind === 'include') {
      await runSteps(pc, step.steps, inherit(outer, step), hosts, after);
    } else {
      await runBlock(pc, step, outer, hosts, after);
    }
  }
}

/** Hosts that fail inside `block` run `rescue`; every host that entered runs `always`; a rescued host is no longer failed. */
async function runBlock(pc: PlayContext, block: BlockDef, outer: Inherited, hosts: HostState[], after: AfterTask): Promise<void> {
  const inh = inherit(outer, block);
  const entered = hosts.filter((h) => h.active);
  const guarded = block.rescue.length > 0 ? entered : [];
  guarded.forEach((h) => h.rescuable++);
  try {
    await runSteps(pc, block.block, inh, entered, after);
  } finally {
    guarded.forEach((h) => h.rescuable--);
  }
  const failed = entered.filter((h) => h.failed && h.unreachable === undefined);
  if (block.rescue.length > 0 && failed.length > 0) {
    // As Ansible counts it: the failure a rescue takes over is `rescued`, whatever the rescue then does.
    for (const h of failed) {
      h.failed = false;
      pc.opts.listener.hostRescued?.(h.name);
    }
    await runSteps(pc, block.rescue, inh, failed, after);
  }
  if (block.always.length > 0) {
    const stillFailed = entered.filter((h) => h.failed && h.unreachable === undefined);
    for (const h of stillFailed) h.failed = false;
    await runSteps(pc, block.always, inh, entered, after);
    for (const h of stillFailed) h.failed = true;
  }
}
