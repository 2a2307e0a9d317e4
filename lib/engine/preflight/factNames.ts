import type { Playbook } from '../../playbook/types.js';
import { forEachTask } from './forEachTask.js';

// Names some task may give a host at run time (`register:`, set_fact): a task anywhere in the playbook may read them,
// since facts outlive their play, so they count as known everywhere. Whether they are set before use only the run can tell.
export function factNames(playbook: Playbook): Set<string> {
  const names = new Set<string>();
  forEachTask(playbook, (task) => {
    if (task.register) names.add(task.register);
    if (task.module === 'set_fact') for (const key of Object.keys(task.args)) if (key !== 'cacheable') names.add(key);
  });
  return names;
}
