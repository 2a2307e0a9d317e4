import type { DirState, LinkState } from '../../report/types.js';

const DIR_STAT = /^([0-7]{1,4}) (\d+) (\d+) (\S+) (\S+)(?: ([0-9a-f]{64}))?$/;
const LINK_STAT = /^(\d+) (\d+) (\S+) (\S+) ([A-Za-z0-9+/=]*)$/;

// Reads `<mode> <uid> <gid> <owner> <group> [tree digest]` (stat -c '%a %u %g %U %G', then ferry_tree) into a DirState.
export function dirStateOf(fields: string): DirState | undefined {
  const m = DIR_STAT.exec(fields.trim());
  if (!m) return undefined;
  const state: DirState = { type: 'directory', mode: m[1].padStart(4, '0'), uid: Number(m[2]), gid: Number(m[3]), owner: m[4], group: m[5] };
  if (m[6]) state.tree = m[6];
  return state;
}

// Reads `<uid> <gid> <owner> <group> <base64 target>` (the link's own owner, then where it points) into a LinkState.
export function linkStateOf(fields: string): LinkState | undefined {
  const m = LINK_STAT.exec(fields.trim());
  if (!m) return undefined;
  return { type: 'symlink', target: Buffer.from(m[5], 'base64').toString('utf8'), uid: Number(m[1]), gid: Number(m[2]), owner: m[3], group: m[4] };
}

/** The first `key=value` line of a script's output, or undefined. */
export function lineOf(stdout: string, key: string): string | undefined {
  const prefix = `${key}=`;
  return stdout.split('\n').find((l) => l.startsWith(prefix))?.slice(prefix.length);
}
