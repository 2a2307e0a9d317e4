import { createHash } from 'node:crypto';
import type { RegularFileChange } from '../../report/types.js';
import { shellQuote } from '../../transport/shellQuote.js';
import { writeFileByExec } from '../../transport/writeFileByExec.js';
import type { ExecRequest, ExecResult } from '../../transport/types.js';
import { attributeScript } from '../attributeScript.js';
import { backupFailure } from './backupFailure.js';
import { runIdOf } from './backupStore.js';
import { BACKUP_FAILED_RC, backupStep } from './backupStep.js';
import type { ModuleContext } from '../defineModule.js';
import { fileChangeOf, parseBackupRecord } from './fileRecord.js';
import { remoteFailure } from '../remoteFailure.js';

/** One change to one file: new bytes written atomically, or only mode and owner fixed. */
export interface FileEdit {
  path: string;
  /** New content; absent means only `attrs` change. */
  bytes?: Buffer;
  /** Mode and owner of the written file (absent: an existing file's are kept). */
  write?: { mode?: number; owner?: string; group?: string };
  attrs?: { chmod?: number; chown?: { owner?: string; group?: string } };
  /** `backup: true`: keep the copy beside the file as `<path>.bak.<UTC>` instead of in ferry's store. */
  beside?: boolean;
  /** With `attrs`: also update the file's times (the file module's `state: touch`). */
  touch?: boolean;
}

// Every file ferry changes is backed up first, in the same round trip as the change, and the change is returned as a
// record (before, after, backup) that the report keeps and `ferry rollback` reads.
export async function changeFile(ctx: ModuleContext, edit: FileEdit): Promise<RegularFileChange> {
  const step = backupStep(edit.path, edit.beside ? { beside: true } : { runId: runIdOf(ctx) });
  const name = ctx.host.name;
  let out: ExecResult | undefined;
  const exec = async (req: ExecRequest): Promise<ExecResult> => {
    out = await ctx.host.exec({ ...req, script: `${step}${req.script}` });
    if (out.rc === BACKUP_FAILED_RC) throw backupFailure(name, edit.path, out);
    return out;
  };
  if (edit.bytes) {
    await writeFileByExec({ name, exec }, { path: edit.path, content: edit.bytes, ...edit.write, become: ctx.become });
    const record = parseBackupRecord(out!.stdout, name, edit.path);
    return fileChangeOf(edit.path, record, createHash('sha256').update(edit.bytes).digest('hex'), ctx.become);
  }
  const touch = edit.touch ? [`touch -- ${shellQuote(edit.path)}`] : [];
  const res = await exec({ script: ['set -e', ...touch, ...attributeScript(edit.path, edit.attrs ?? {}), ''].join('\n'), become: ctx.become });
  if (res.rc !== 0) throw remoteFailure(name, `mode/owner of ${edit.path}`, res);
  const record = parseBackupRecord(res.stdout, name, edit.path);
  const after = record.before === 'absent' ? 'absent' : record.before.sha256;
  return fileChangeOf(edit.path, record, after, ctx.become);
}
