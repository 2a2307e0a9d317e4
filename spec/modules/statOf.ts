import type { PathStat } from '../../lib/modules/PathStat.js';

/** A regular file as a probe would report it: root-owned 0644 unless told otherwise. */
export function fileStat(over: Partial<PathStat> = {}): PathStat {
  return { exists: true, type: 'file', mode: 0o644, uid: 0, gid: 0, owner: 'root', group: 'root', size: 0, ...over };
}

/** A directory as a probe would report it: root-owned 0755 unless told otherwise. */
export function dirStat(over: Partial<PathStat> = {}): PathStat {
  return { exists: true, type: 'directory', mode: 0o755, uid: 0, gid: 0, owner: 'root', group: 'root', size: 4096, ...over };
}

export const missing: PathStat = { exists: false };
