import { FerryError } from '../errors/FerryError.js';
import type { GatedTask } from '../engine/RunOptions.js';
import { globToRegExp } from '../inventory/globToRegExp.js';
import { didYouMean } from '../playbook/index.js';
import type { Playbook, Step } from '../playbook/types.js';

function namesOf(steps: readonly Step[]): string[] {
  return steps.flatMap((s) =>
    s.kind === 'task' ? (s.name ? [s.name] : []) : s.kind === 'include' ? namesOf(s.steps) : namesOf([...s.block, ...s.rescue, ...s.always]),
  );
}

/** Every task name of a playbook as written, in order (handlers left out): what --start-at-task can name. */
export function taskNames(playbook: Playbook): string[] {
  return [...new Set(playbook.plays.flatMap((p) => namesOf(p.tasks)))];
}

// --start-at-task NAME (a name or a shell glob, as ansible-playbook takes it): every task before the first match is skipped,
// on every host; handlers run only once the start is reached. A name that matches no task is refused before any host is contacted.
export function startAtTask(pattern: string, playbook: Playbook): (task: GatedTask) => boolean {
  const re = globToRegExp(pattern);
  const names = taskNames(playbook);
  const templated = names.some((n) => n.includes('{{'));
  if (!templated && !names.some((n) => n === pattern || re.test(n))) {
    const hint = didYouMean(pattern, names) ?? `task names: ${names.map((n) => `'${n}'`).join(', ') || 'none (name the tasks first)'}`;
    throw new FerryError('USAGE', `--start-at-task '${pattern}' matches no task of the playbook`, {}, hint);
  }
  let started = false;
  return (task) => {
    if (task.handler) return started;
    if (!started) started = [task.name, task.rawName].some((n) => n !== undefined && (n === pattern || re.test(n)));
    return started;
  };
}
