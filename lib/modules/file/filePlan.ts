import path from 'node:path';
import { FerryError } from '../../errors/FerryError.js';
import { attributeChanges, describeNew, type AttributeFix } from '../attributeChanges.js';
import { wantedAttributes, type AttributeArgs } from '../attributeArgs.js';
import type { Plan } from '../defineModule.js';
import { formatMode, resolveMode } from '../parseMode.js';
import type { PathStat } from '../PathStat.js';

/** The states the file module ensures, as in Ansible. */
export type FileState = 'file' | 'directory' | 'absent' | 'touch';

/** file's arguments, as Ansible names them. */
export interface FileArgs extends AttributeArgs {
  path: string;
  state?: FileState;
}

/** The path as it is now, and the umask new paths would be created under. */
export interface FileFacts {
  stat: PathStat;
  umask: number;
}

/** One step of apply, in order; every one but a times-only touch is recorded for a rollback. */
export type FileOp =
  /** Remove whatever is there, kept first: a file or a tree copied to the backup store, a symlink's target noted. */
  | { op: 'rm' }
  /** Create the directory and its missing parents; the last gets the mode and owner. */
  | { op: 'mkdir'; mode: number; owner?: string; group?: string }
  /** Create an empty file with its final mode and owner (state: touch on a missing path). */
  | { op: 'create'; mode: number; owner?: string; group?: string }
  /** Update an existing path's times only: nothing a rollback restores. */
  | { op: 'touch' }
  /** Fix mode and owner of an existing file or directory (and its times, for state: touch). */
  | ({ op: 'attrs'; on: 'file' | 'directory' | 'other'; touch?: true } & Pick<AttributeFix, 'chmod' | 'chown'>);

/** What apply carries out: the steps, in order, in one script. */
export interface FileData {
  ops: FileOp[];
}

// Pure: compares the path with the asked state and names every change ("create directory /x (mode 0755)", "mode 0644 → 0640").
export function filePlan(facts: FileFacts, args: FileArgs): Plan<FileData> {
  const state = args.state ?? 'file';
  const { stat } = facts;
  const p = args.path;
  const want = wantedAttributes(args);
  if (state === 'absent') {
    if (path.posix.normalize(p).replace(/\/+$/, '') === '') throw new FerryError('MODULE', `refusing to remove ${p}`, {}, 'name the path to remove');
    if (!stat.exists && stat.link === undefined) return { changes: [], result: { path: p, state } };
    return { changes: [{ summary: `remove ${p}` }], data: { ops: [{ op: 'rm' }] }, result: { path: p, state } };
  }
  const result = { path: p, state };
  if (!stat.exists) {
    if (stat.link !== undefined) throw new FerryError('MODULE', `${p} is a dangling symlink (to ${stat.link})`, {}, 'remove it first with state: absent');
    if (state === 'file') throw new FerryError('MODULE', `file ${p} does not exist`, {}, 'use state: touch to create it empty, or copy to create it with content');
    const isDir = state === 'directory';
    const base = (isDir ? 0o777 : 0o666) & ~facts.umask;
    const mode = want.mode ? resolveMode(want.mode, base, isDir) : base;
    const owners = { ...(want.owner !== undefined && { owner: want.owner }), ...(want.group !== undefined && { group: want.group }) };
    return {
      changes: [{ summary: `create ${isDir ? 'directory' : 'file'} ${p} (${describeNew(mode, want.owner, want.group)})` }],
      data: { ops: [{ op: isDir ? 'mkdir' : 'create', mode, ...owners }] },
      result: { ...result, mode: formatMode(mode) },
    };
  }
  if (state === 'directory' && stat.type !== 'directory') {
    throw new FerryError('MODULE', `${p} exists and is not a directory`, {}, 'remove it first with state: absent, or choose another path');
  }
  if (state === 'file' && stat.type !== 'file') {
    throw new FerryError('MODULE', `${p} is a ${stat.type === 'directory' ? 'directory' : 'special file'}, not a regular file`, {}, `use state: ${stat.type === 'directory' ? 'directory' : 'absent'}`);
  }
  const fix = attributeChanges(stat, want);
  const changes = [...fix.changes];
  // Like Ansible, touch on an existing path always updates its times, so it always reports a change.
  const touch = state === 'touch';
  if (touch) changes.unshift({ summary: `update timestamps of ${p}` });
  const on = stat.type ?? 'other';
  const fixes = fix.chmod !== undefined || fix.chown !== undefined;
  const ops: FileOp[] = fixes ? [{ op: 'attrs', on, chmod: fix.chmod, chown: fix.chown, ...(touch && { touch: true as const }) }] : touch ? [{ op: 'touch' }] : [];
  const mode = fix.chmod ?? stat.mode;
  return { changes, data: ops.length ? { ops } : undefined, result: mode === undefined ? result : { ...result, mode: formatMode(mode) } };
}
