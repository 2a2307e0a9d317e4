/** Keys a file record's states may have, and what each must look like. */
const SHA256 = /^[0-9a-f]{64}$/;
const MODE = /^[0-7]{4}$/;

// Why a file record of a report cannot be used for a restore, or undefined when it can: a report is input, and its
// paths and modes end up in shell scripts, so every field is checked before any of it is used.
export function checkFileChange(value: unknown): string | undefined {
  if (!isObject(value)) return 'a file record must be a mapping';
  const { path, backup, before, after, become } = value;
  if (!isPath(path)) return '`path` must be a non-empty string without NUL bytes';
  if (become !== undefined && typeof become !== 'boolean') return '`become` must be true or false';
  if (after !== 'absent' && !(isObject(after) && typeof after.sha256 === 'string' && SHA256.test(after.sha256))) {
    return '`after` must be "absent" or { sha256 } with 64 hex digits';
  }
  if (before === 'absent') return backup === undefined ? undefined : '`backup` makes no sense for a file that was absent before';
  if (!isObject(before)) return '`before` must be "absent" or a file state';
  if (typeof before.sha256 !== 'string' || !SHA256.test(before.sha256)) return '`before.sha256` must be 64 hex digits';
  if (typeof before.mode !== 'string' || !MODE.test(before.mode)) return '`before.mode` must be four octal digits';
  if (!isId(before.uid) || !isId(before.gid)) return '`before.uid` and `before.gid` must be whole numbers';
  if (!isPath(backup) || !backup.startsWith('/')) return '`backup` must be the absolute path of the copy on the host';
  return undefined;
}

function isPath(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && !v.includes('\0');
}

function isId(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 32;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
