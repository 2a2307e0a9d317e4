import type { ModuleDef } from '../../modules/defineModule.js';
import type { PlayDef, Step } from '../../playbook/types.js';

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1']);

// Whether a play ever runs a module on its hosts: one made only of local modules (debug, set_fact, assert) or of
// tasks delegated to the controller never connects, so it has no host to lock. A templated delegate_to counts as remote.
export function reachesHosts(play: PlayDef, modules: ReadonlyMap<string, ModuleDef>): boolean {
  const remote = (steps: Step[], delegated: boolean): boolean =>
    steps.some((step) => {
      const here = delegated || (typeof step.delegate_to === 'string' && LOCAL_NAMES.has(step.delegate_to));
      if (step.kind === 'task') return !here && modules.get(step.module)?.local !== true;
      if (step.kind === 'include') return remote(step.steps, here);
      return remote([...step.block, ...step.rescue, ...step.always], here);
    });
  return remote([...play.tasks, ...play.handlers], false);
}
