import type { Playbook, Step } from '../playbook/types.js';

function count(steps: readonly Step[]): number {
  return steps.reduce((n, s) => n + (s.kind === 'task' ? 1 : s.kind === 'include' ? count(s.steps) : count([...s.block, ...s.rescue, ...s.always])), 0);
}

// The size of a loaded playbook, for the one line `ferry validate` prints when everything is clean.
export function countTasks(playbook: Playbook): number {
  return playbook.plays.reduce((n, p) => n + count(p.tasks) + count(p.handlers), 0);
}
