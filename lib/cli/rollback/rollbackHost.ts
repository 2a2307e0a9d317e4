import { asConnectionError } from '../../errors/connectionError.js';
import { messageOf } from '../../engine/executeModule.js';
import type { ItemOutcome } from '../../engine/runItem.js';
import { toHostResult } from '../../engine/toHostResult.js';
import type { ModuleContext } from '../../modules/defineModule.js';
import { posix } from 'node:path';
import type { FileChange, HostTaskResult, PathState, TaskStatus } from '../../report/types.js';
import type { Redactor } from '../../secrets/Redactor.js';
import type { RemoteHost } from '../../transport/types.js';
import { restoreFile, type RestoreFacts } from './rollbackRestore.js';

/** What a rollback remembers about one host across its steps. */
export interface HostRollback {
  name: string;
  connection?: Promise<RemoteHost>;
  /** A step failed or the host was unreachable: nothing more is restored there. */
  stopped?: boolean;
  /** In check mode, what each path would hold after the restores planned so far (nothing was really restored). */
  predicted: Map<string, PathState | 'absent'>;
  /** Each path as it was before the run's first change of it. */
  origin: Map<string, PathState | 'absent'>;
}

// Restores one task's files on one host, newest first, stopping at the first refusal; one item per file.
export async function restoreOnHost(
  ctx: ModuleContext,
  h: HostRollback,
  files: FileChange[],
  opts: { check: boolean; force: boolean; redactor: Redactor },
): Promise<HostTaskResult> {
  const items: HostTaskResult[] = [];
  for (const change of files) {
    const outcome = await restoreOne({ ...ctx, become: change.become === true }, h, change, opts);
    items.push(toHostResult(h.name, outcome, { redactor: opts.redactor, noLog: false, item: change.path }));
    if (outcome.status === 'failed') break;
  }
  const status: TaskStatus = items.some((i) => i.status === 'failed') ? 'failed' : items.some((i) => i.status === 'changed') ? 'changed' : 'ok';
  const failed = items.find((i) => i.status === 'failed');
  const result: HostTaskResult = { host: h.name, status, items };
  if (failed?.msg) result.msg = failed.msg;
  return result;
}

async function restoreOne(ctx: ModuleContext, h: HostRollback, change: FileChange, opts: { check: boolean; force: boolean }): Promise<ItemOutcome> {
  const args = { change, force: opts.force, origin: h.origin.get(change.path) };
  try {
    const probed = await restoreFile.probe(ctx, args);
    const predicted = h.predicted.get(change.path);
    const facts: RestoreFacts = predicted === undefined ? probed : { ...probed, current: predicted };
    if (Array.isArray(facts.entries)) facts.entries = predictedEntries(h, change.path, facts.entries);
    const plan = restoreFile.plan(facts, args);
    if (plan.changes.length === 0) return { status: 'ok', msg: plan.msg, plan, result: { changed: false } };
    if (opts.check) {
      h.predicted.set(change.path, change.before);
      return { status: 'changed', plan, result: { changed: true } };
    }
    const applied = await restoreFile.apply(ctx, plan, args);
    return { status: 'changed', plan, result: { changed: true }, files: applied.files };
  } catch (err) {
    // A lost connection is the host's state, not this file's: the caller reports the host unreachable.
    if (asConnectionError(err)) throw err;
    return { status: 'failed', msg: messageOf(err), result: { failed: true } };
  }
}

/** In check mode, a directory's names as they would be after the restores planned so far (none were really made). */
function predictedEntries(h: HostRollback, dir: string, names: string[]): string[] {
  const gone = names.filter((n) => h.predicted.get(posix.join(dir, n)) === 'absent');
  const added = [...h.predicted].filter(([p, s]) => s !== 'absent' && posix.dirname(p) === dir && !names.includes(posix.basename(p)));
  return [...names.filter((n) => !gone.includes(n)), ...added.map(([p]) => posix.basename(p))];
}
