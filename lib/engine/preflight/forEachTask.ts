import type { Playbook, Step, TaskDef } from '../../playbook/types.js';

// Every task of a playbook (tasks and handlers of each play, inside blocks and includes), for checks that look at all of them.
export function forEachTask(playbook: Playbook, fn: (task: TaskDef) => void): void {
  const walk = (steps: Step[]): void => {
    for (const step of steps) {
      if (step.kind === 'task') fn(step);
      else if (step.kind === 'include') walk(step.steps);
      else [step.block, step.rescue, step.always].forEach(walk);
    }
  };
  for (const play of playbook.plays) [play.tasks, play.handlers].forEach(walk);
}
