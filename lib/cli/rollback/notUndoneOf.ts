import type { NotUndone } from '../../report/types.js';
import type { RecordedRun, RecordedTask } from './rollbackReport.js';

/** Modules whose changes are files: one of theirs that changed and recorded none changed only times, or nothing real. */
const FILE_MODULES = new Set(['copy', 'env_line', 'file', 'token_file']);

// What a rollback of this run leaves as it is, task by task and host by host, in the run's order: every task that
// changed something it recorded no file for (a command, a user, a Gitea account or token, …), a token_file task's
// Gitea side (its file is restored, the token it minted is not revoked, an older one it deleted does not come back),
// and files changed on the controller. Listed, never refused: the files that were recorded are still restored.
export function notUndoneOf(run: Pick<RecordedRun, 'hosts' | 'delegated'>, only?: ReadonlySet<string>): NotUndone[] {
  const gaps: NotUndone[] = [];
  for (const [host, tasks] of run.hosts) {
    if (only && !only.has(host)) continue;
    for (const task of tasks) {
      const why = whyNotUndone(task);
      if (why) gaps.push({ host, task: task.name, module: task.module, why });
    }
  }
  for (const d of run.delegated) {
    if (!only || only.has(d.host)) gaps.push({ host: d.host, task: d.task, module: d.module, why: `${d.path} was changed on the controller (delegate_to)` });
  }
  return gaps;
}

function whyNotUndone(task: RecordedTask): string | undefined {
  const gitea = task.module === 'token_file' && task.files.length > 0 ? giteaSide(task.changes) : undefined;
  if (gitea) return `only its file is restored: ${gitea}`;
  if (!task.unrecorded) return undefined;
  if (FILE_MODULES.has(task.module)) return `${task.module} reported a change it recorded no file for (only times changed, a special file, or changed_when)`;
  return `${task.module} changes are not files`;
}

/** What a token_file task did in Gitea, from its change lines; under no_log there are none, so it may have. */
function giteaSide(changes: string[]): string | undefined {
  if (changes.length === 0) return 'any token it minted stays in Gitea, and any older one it deleted stays deleted';
  const minted = changes.some((c) => c.startsWith('mint token '));
  const deleted = changes.some((c) => c.startsWith('delete older token '));
  if (!minted) return undefined;
  return deleted ? 'the token it minted stays in Gitea, and the older one it deleted stays deleted' : 'the token it minted stays in Gitea';
}

/** The console line of one. */
export function notUndoneLine(gap: NotUndone): string {
  return `not undone: ${gap.task} on ${gap.host} (${gap.why})`;
}
