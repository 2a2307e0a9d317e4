import path from 'node:path';
import { FerryError } from '../errors/FerryError.js';
import { attributeChanges, describeNew, type AttributeFix } from './attributeChanges.js';
import { wantedAttributes, type AttributeArgs } from './attributeArgs.js';
import type { Plan } from './defineModule.js';
import { formatMode, resolveMode } from './parseMode.js';
import type { PathStat } from './PathStat.js';

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

/** One step of apply, in order. */
export type FileOp =
  | { op: 'rm' }
  | { op: 'mkdir'; mode: number }
  | { op: 'touch'; mode?: number }
  | ({ op: 'attrs' } & Pick<AttributeFix, 'chmod' | 'chown'>);

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
    const chown = want.owner !== undefined || want.group !== undefined ? { owner: want.owner, group: want.group } : undefined;
    const create: FileOp = isDir ? { op: 'mkdir', mode } : { op: 'touch', mode: want.mode ? mode : undefined };
    return {
      changes: [{ summary: `create ${isDir ? 'directory' : 'file'} ${p} (${describeNew(mode, want.owner, want.group)})` }],
      data: { ops: chown ? [create, { op: 'attrs', chown }] : [create] },
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
  const ops: FileOp[] = [];
  const changes = [...fix.changes];
  if (state === 'touch') {
    // Like Ansible, touch on an existing path always updates its times, so it always reports a change.
    ops.push({ op: 'touch' });
    changes.unshift({ summary: `update timestamps of ${p}` });
  }
  if (fix.chmod !== undefined || fix.chown !== undefined) ops.push({ op: 'attrs', chmod: fix.chmod, chown: fix.chown });
  const mode = fix.chmod ?? stat.mode;
  return { changes, data: ops.length ? { ops } : undefined, result: mode === undefined ? result : { ...result, mode: formatMode(mode) } };
}
