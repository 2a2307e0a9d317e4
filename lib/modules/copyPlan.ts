import { createHash } from 'node:crypto';
import path from 'node:path';
import { FerryError } from '../errors/FerryError.js';
import { attributeChanges, describeNew } from './attributeChanges.js';
import { wantedAttributes, type AttributeArgs } from './attributeArgs.js';
import type { Change, Plan } from './defineModule.js';
import { resolveMode } from './parseMode.js';
import { MISSING, type PathStat } from './PathStat.js';
import { DIFF_LIMIT } from './statScript.js';
import { textOf } from './textOf.js';

/** copy's arguments, as Ansible names them: content or src, never both. */
export interface CopyArgs extends AttributeArgs {
  dest: string;
  content?: string;
  src?: string;
  backup?: boolean;
  force?: boolean;
}

/** dest as it is, the file inside it when dest is a directory, dest's parent, and src's bytes (read on the controller). */
export interface CopyFacts {
  dest: PathStat;
  inner?: PathStat;
  parent?: PathStat;
  source?: Buffer;
}

/** What apply does, in order: create dest's directory, back up, write (or only fix attributes). */
export interface CopyData {
  path: string;
  bytes: Buffer;
  mkdir?: string;
  backup?: boolean;
  write?: { mode?: number; owner?: string; group?: string };
  attrs?: { chmod?: number; chown?: { owner?: string; group?: string } };
}

/** New files get this mode unless the task says otherwise. */
export const NEW_FILE_MODE = 0o644;

// Pure: where the file goes, whether its sha256 differs, what mode/owner change; content changes carry a diff.
export function copyPlan(facts: CopyFacts, args: CopyArgs): Plan<CopyData> {
  const bytes = args.content !== undefined ? Buffer.from(args.content, 'utf8') : facts.source;
  if (!bytes) throw new FerryError('MODULE', 'copy: give content or src', {}, 'content: is the text itself, src: a file beside the playbook');
  const want = wantedAttributes(args);
  const checksum = createHash('sha256').update(bytes).digest('hex');
  const { target, stat, mkdir } = placeOf(facts, args);
  if (stat.exists && stat.type !== 'file') throw new FerryError('MODULE', `copy: ${target} exists and is not a regular file`, {}, 'choose another dest');
  if (!stat.exists && stat.link !== undefined) throw new FerryError('MODULE', `copy: ${target} is a dangling symlink (to ${stat.link})`, {}, 'create the link target first, or remove the link');
  if (stat.exists && args.force === false) {
    return { changes: [], msg: `skipped, since ${target} exists and force is false`, result: { dest: target, checksum: stat.sha256 } };
  }
  const result = { dest: target, checksum };
  if (!stat.exists) {
    const mode = want.mode ? resolveMode(want.mode, NEW_FILE_MODE, false) : NEW_FILE_MODE;
    const changes: Change[] = mkdir ? [{ summary: `create directory ${mkdir}` }] : [];
    changes.push({ summary: `create file ${target} (${describeNew(mode, want.owner, want.group)})`, diff: diffOf(target, Buffer.alloc(0), bytes) });
    return { changes, result, data: { path: target, bytes, mkdir, write: { mode, owner: want.owner, group: want.group } } };
  }
  const fix = attributeChanges(stat, want);
  if (stat.sha256 === checksum) {
    const data = fix.changes.length ? { path: target, bytes, attrs: { chmod: fix.chmod, chown: fix.chown } } : undefined;
    return { changes: fix.changes, result, data };
  }
  const backup = args.backup === true;
  const summary = `update content of ${target} (${stat.size ?? '?'} → ${bytes.length} bytes${backup ? ', old copy kept as .bak' : ''})`;
  return {
    changes: [{ summary, diff: diffOf(target, stat.content, bytes) }, ...fix.changes],
    result,
    data: { path: target, bytes, backup, write: { mode: fix.chmod, owner: fix.chown?.owner, group: fix.chown?.group } },
  };
}

/** Where the file lands: dest itself, or inside dest (ending in / or an existing directory) under src's name. */
function placeOf(facts: CopyFacts, args: CopyArgs): { target: string; stat: PathStat; mkdir?: string } {
  const { dest } = args;
  if (dest.endsWith('/') || facts.dest.type === 'directory') {
    if (args.src === undefined) {
      throw new FerryError('MODULE', `copy: dest ${dest} is a directory and content has no file name`, {}, 'name the file in dest');
    }
    if (facts.dest.exists && facts.dest.type !== 'directory') throw new FerryError('MODULE', `copy: dest ${dest} ends with / but is not a directory`, {}, 'remove the trailing /');
    const target = path.posix.join(dest, path.basename(args.src));
    return { target, stat: facts.inner ?? MISSING, mkdir: facts.dest.exists ? undefined : dest };
  }
  if (!facts.dest.exists && facts.parent && facts.parent.type !== 'directory') {
    const dir = path.posix.dirname(dest);
    throw new FerryError('MODULE', `copy: destination directory ${dir} does not exist`, {}, 'create it first (file: state=directory), or end dest with / to have it created');
  }
  return { target: dest, stat: facts.dest };
}

/** A --diff for text content; binary or large content is named by the summary only. */
function diffOf(target: string, before: Buffer | undefined, after: Buffer): Change['diff'] {
  const b = textOf(before, DIFF_LIMIT);
  const a = textOf(after, DIFF_LIMIT);
  return b === undefined || a === undefined ? undefined : { path: target, before: b, after: a };
}
