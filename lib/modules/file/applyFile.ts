import type { FileChange } from '../../report/types.js';
import { changeDirAttrs } from '../changes/changeDirAttrs.js';
import { changeFile } from '../changes/changeFile.js';
import type { ApplyResult, ModuleContext, Plan } from '../defineModule.js';
import type { FileArgs, FileData, FileOp } from './filePlan.js';
import { fileScript } from './fileScript.js';
import { makeDirs } from '../changes/makeDirs.js';
import { recordChanges } from '../changes/recordChanges.js';
import { remoteFailure } from '../remoteFailure.js';
import { removePath } from '../changes/removePath.js';

// Carries out a file plan step by step, each change recorded with what undoes it: a removed file or tree kept in the
// backup store, a removed symlink's target, each directory made, a new file, a mode or owner as it was.
export function applyFile(ctx: ModuleContext, plan: Plan<FileData>, args: FileArgs): Promise<ApplyResult> {
  return recordChanges(async (record) => {
    for (const op of plan.data?.ops ?? []) await applyOp(ctx, args.path, op, record);
    return { result: plan.result };
  });
}

async function applyOp(ctx: ModuleContext, path: string, op: FileOp, record: (change: FileChange) => void): Promise<void> {
  if (op.op === 'rm') {
    const removed = await removePath(ctx, path);
    if (removed) record(removed);
  } else if (op.op === 'mkdir') {
    await makeDirs(ctx, { path, mode: op.mode, owner: op.owner, group: op.group }, record);
  } else if (op.op === 'create') {
    record(await changeFile(ctx, { path, bytes: Buffer.alloc(0), write: { mode: op.mode, owner: op.owner, group: op.group } }));
  } else if (op.op === 'attrs' && op.on === 'file') {
    record(await changeFile(ctx, { path, attrs: { chmod: op.chmod, chown: op.chown }, touch: op.touch }));
  } else if (op.op === 'attrs' && op.on === 'directory') {
    await changeDirAttrs(ctx, path, { chmod: op.chmod, chown: op.chown, touch: op.touch }, record);
  } else {
    const res = await ctx.host.exec({ script: fileScript(path, op), become: ctx.become });
    if (res.rc !== 0) throw remoteFailure(ctx.hostname, `file ${path}`, res);
  }
}
