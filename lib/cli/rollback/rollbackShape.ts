/** What each field of a file record must look like. */
const SHA256 = /^[0-9a-f]{64}$/;
const MODE = /^[0-7]{4}$/;
/** A user or group name as stat prints it: printable, no space. */
const NAME = /^[\x21-\x7e\u00a0-\uffff]{1,64}$/;

type Json = Record<string, unknown>;

// Why a file record of a report cannot be used for a restore, or undefined when it can: a report is input, and its
// paths, modes, owners and link targets end up in shell scripts, so every field is checked before any of it is used.
export function checkFileChange(value: unknown): string | undefined {
  if (!isObject(value)) return 'a file record must be a mapping';
  const { path, before, after, become } = value;
  if (!isPath(path)) return '`path` must be a non-empty string without NUL bytes';
  if (become !== undefined && typeof become !== 'boolean') return '`become` must be true or false';
  if (before === 'absent' && after === 'absent') return '`before` and `after` cannot both be "absent"';
  const kinds = [before, after].filter((s) => s !== 'absent').map((s) => (isObject(s) ? s.type ?? 'file' : 'bad'));
  if (kinds.includes('bad')) return '`before` and `after` must each be "absent" or a mapping';
  if (kinds.length === 2 && kinds[0] !== kinds[1]) return '`before` and `after` must describe the same kind of thing';
  if (kinds[0] === 'directory') return checkDirChange(value);
  if (kinds[0] === 'symlink') return checkLinkChange(value);
  if (kinds[0] !== 'file') return '`type` must be "directory" or "symlink" (or absent, for a regular file)';
  return checkRegularChange(value);
}

function checkRegularChange({ backup, before, after }: Json): string | undefined {
  if (after !== 'absent' && !(isObject(after) && Object.keys(after).length === 1 && typeof after.sha256 === 'string' && SHA256.test(after.sha256))) {
    return '`after` must be "absent" or { sha256 } with 64 hex digits';
  }
  if (before === 'absent') return backup === undefined ? undefined : '`backup` makes no sense for a file that was absent before';
  const b = before as Json;
  if (typeof b.sha256 !== 'string' || !SHA256.test(b.sha256)) return '`before.sha256` must be 64 hex digits';
  return checkOwned(b, 'before', true) ?? checkBackup(backup);
}

// A directory record: made (absent → state), removed (state with its tree digest, and the copy → absent, or state
// without content → absent), or re-moded (state → state, no tree, no copy).
function checkDirChange({ backup, before, after }: Json): string | undefined {
  for (const [name, side] of [['before', before], ['after', after]] as const) {
    if (side === 'absent') continue;
    const s = side as Json;
    const why = checkOwned(s, name, true);
    if (why) return why;
    if (s.tree !== undefined && (typeof s.tree !== 'string' || !SHA256.test(s.tree))) return `\`${name}.tree\` must be 64 hex digits`;
  }
  const treeBefore = before !== 'absent' && (before as Json).tree !== undefined;
  if (before !== 'absent' && after !== 'absent' && (treeBefore || (after as Json).tree !== undefined)) return 'a re-moded directory has no `tree`';
  if (treeBefore) return checkBackup(backup);
  return backup === undefined ? undefined : '`backup` makes sense only for a directory removed with what it held (`before.tree`)';
}

// A symlink record: removed (link → absent) or re-created by a rollback (absent → link); never changed in place.
function checkLinkChange({ backup, before, after }: Json): string | undefined {
  if (backup !== undefined) return 'a symlink record has no `backup`: the record is the whole link';
  if (before !== 'absent' && after !== 'absent') return 'a symlink record must have "absent" on one side';
  const side = (before === 'absent' ? after : before) as Json;
  const name = before === 'absent' ? 'after' : 'before';
  if (!isPath(side.target)) return `\`${name}.target\` must be a non-empty string without NUL bytes`;
  return checkOwned(side, name, false);
}

/** Mode (when it has one), numeric owner and group, and the names shown beside them. */
function checkOwned(s: Json, name: string, hasMode: boolean): string | undefined {
  if (hasMode && (typeof s.mode !== 'string' || !MODE.test(s.mode))) return `\`${name}.mode\` must be four octal digits`;
  if (!isId(s.uid) || !isId(s.gid)) return `\`${name}.uid\` and \`${name}.gid\` must be whole numbers`;
  for (const key of ['owner', 'group']) {
    if (s[key] !== undefined && (typeof s[key] !== 'string' || !NAME.test(s[key] as string))) return `\`${name}.${key}\` must be a printable name`;
  }
  return undefined;
}

function checkBackup(backup: unknown): string | undefined {
  return isPath(backup) && backup.startsWith('/') ? undefined : '`backup` must be the absolute path of the copy on the host';
}

function isPath(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && !v.includes('\0');
}

function isId(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 32;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
