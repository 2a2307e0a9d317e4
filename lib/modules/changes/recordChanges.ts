import { asConnectionError } from '../../errors/connectionError.js';
import { FerryError } from '../../errors/FerryError.js';
import type { FileChange } from '../../report/types.js';
import type { ApplyResult } from '../defineModule.js';


// Runs an apply that changes several paths one after another, keeping each record as it is made: when a later step
// fails, the task fails with the records of what it did change, so the report (and a rollback) still knows of them.
export async function recordChanges(steps: (record: (change: FileChange) => void) => Promise<ApplyResult>): Promise<ApplyResult> {
  const files: FileChange[] = [];
  try {
    const done = await steps((change) => files.push(change));
    const all = [...files, ...(done.files ?? [])];
    return all.length ? { ...done, files: all } : done;
  } catch (err) {
    // A lost host is reported unreachable by the engine, whatever was recorded.
    if (files.length === 0 || !(err instanceof FerryError) || asConnectionError(err)) throw err;
    const msg = err.format();
    return { failed: true, msg, result: { failed: true, msg }, files };
  }
}
