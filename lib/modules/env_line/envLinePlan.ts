import path from 'node:path';
import { FerryError } from '../../errors/FerryError.js';
import { wantedAttributes } from '../attributeArgs.js';
import { attributeChanges, describeNew } from '../attributeChanges.js';
import type { Change, Plan } from '../defineModule.js';
import { resolveMode } from '../parseMode.js';
import { DIFF_LIMIT } from '../statScript.js';
import { textOf } from '../textOf.js';
import type { EnvFileFacts, EnvLineArgs, EnvLineData } from './envLineTypes.js';
import { planEnvFile, type EnvFilePlan } from './planEnvFile.js';

/** A file env_line creates is readable by its owner only, unless the task gives a mode: it is there to hold tokens. */
export const NEW_ENV_FILE_MODE = 0o600;

// Pure: compares the env file with the task and says what to write; bytes are handled as latin1 so non-UTF-8 survives.
export function envLinePlan(facts: EnvFileFacts, args: EnvLineArgs): Plan<EnvLineData> {
  const { file } = facts;
  const p = args.path;
  const result: Record<string, unknown> = { path: p };
  if (!file.exists && file.link !== undefined) {
    throw new FerryError('MODULE', `${p} is a dangling symlink (to ${file.link})`, {}, 'create the link target first, or remove the link');
  }
  if (file.exists && file.type !== 'file') throw new FerryError('MODULE', `${p} is not a regular file`, {}, 'point path at the env file itself');
  if (!file.exists && args.state === 'absent') return { changes: [], result };
  const want = wantedAttributes(args);
  if (!file.exists) {
    if (args.create !== true) throw new FerryError('MODULE', `${p} does not exist (set create: true to create it)`, {}, 'or correct path');
    if (facts.parent && facts.parent.type !== 'directory') {
      throw new FerryError('MODULE', `directory ${path.posix.dirname(p)} does not exist`, {}, 'create it first (file: state=directory)');
    }
    const edit = editOf(Buffer.alloc(0), args);
    const mode = want.mode ? resolveMode(want.mode, NEW_ENV_FILE_MODE, false) : NEW_ENV_FILE_MODE;
    const summary = `create ${p} with ${args.key}= (${describeNew(mode, want.owner, want.group)})`;
    return {
      changes: [{ summary, diff: diffOf(p, edit) }],
      result,
      data: { path: p, bytes: Buffer.from(edit.text, 'latin1'), write: { mode, owner: want.owner, group: want.group } },
    };
  }
  if (file.content === undefined) throw new FerryError('MODULE', `${p} is too large for env_line`, {}, 'an env file should be a few kilobytes; check path');
  const edit = editOf(file.content, args);
  const fix = attributeChanges(file, want);
  if (!edit.changed) {
    const data = fix.changes.length ? { path: p, attrs: { chmod: fix.chmod, chown: fix.chown } } : undefined;
    return { changes: fix.changes, result, data };
  }
  const backup = args.backup === true;
  const via = facts.real !== undefined && facts.real !== p ? ` (symlink to ${facts.real})` : '';
  const change: Change = { summary: `${describeEdit(edit, args)} in ${p}${via}${backup ? ', old copy kept as .bak' : ''}`, diff: diffOf(p, edit) };
  return {
    changes: [change, ...fix.changes],
    result,
    data: {
      path: p,
      bytes: Buffer.from(edit.text, 'latin1'),
      backup,
      write: { mode: fix.chmod, owner: fix.chown?.owner, group: fix.chown?.group },
    },
  };
}

/** The edit on the file's bytes; the task's strings go in as their UTF-8 bytes. */
function editOf(content: Buffer, args: EnvLineArgs): EnvFilePlan {
  const bytes = (s: string | undefined): string | undefined => (s === undefined ? undefined : Buffer.from(s, 'utf8').toString('latin1'));
  return planEnvFile(content.toString('latin1'), {
    key: args.key,
    value: bytes(args.value),
    state: args.state,
    comment: bytes(args.comment),
    quote: args.quote,
  });
}

/** "set KEY= (1 later duplicate removed)", "add KEY=", "remove 2 assignments of KEY=", "keep KEY= (comment added above it)". */
function describeEdit(edit: EnvFilePlan, args: EnvLineArgs): string {
  const { replaced, removed, added, comment } = edit.counts;
  const key = `${args.key}=`;
  if (args.state === 'absent') return `remove ${removed} assignment${removed > 1 ? 's' : ''} of ${key}`;
  if (added) return `add ${key}${comment ? ' with its comment' : ''}`;
  const extra = [
    removed > 0 && `${removed} later duplicate${removed > 1 ? 's' : ''} removed`,
    comment && 'comment added above it',
  ].filter(Boolean);
  return `${replaced ? 'set' : 'keep'} ${key}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** Both sides with every value masked; binary content gets no diff. */
function diffOf(p: string, edit: EnvFilePlan): Change['diff'] {
  const before = textOf(Buffer.from(edit.maskedBefore, 'latin1'), DIFF_LIMIT);
  const after = textOf(Buffer.from(edit.maskedAfter, 'latin1'), DIFF_LIMIT);
  return before === undefined || after === undefined ? undefined : { path: p, before, after };
}
