import type { PathStat } from './PathStat.js';

// Reads the `label.key=value` lines of a stat probe back into one PathStat per label; other lines (`key=value`) go to `vars`.
export function parseStats(stdout: string): { stats: Record<string, PathStat>; vars: Record<string, string> } {
  const fields: Record<string, Record<string, string>> = {};
  const vars: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    const dot = key.indexOf('.');
    if (dot < 0) vars[key] = value;
    else (fields[key.slice(0, dot)] ??= {})[key.slice(dot + 1)] = value;
  }
  const stats: Record<string, PathStat> = {};
  for (const [label, f] of Object.entries(fields)) stats[label] = toPathStat(f);
  return { stats, vars };
}

function toPathStat(f: Record<string, string>): PathStat {
  const stat: PathStat = { exists: f.exists === '1' };
  if (f.link !== undefined) stat.link = Buffer.from(f.link, 'base64').toString('utf8').replace(/\n$/, '');
  if (f.stat !== undefined) {
    const [mode, uid, gid, size, owner, group] = f.stat.split(' ');
    Object.assign(stat, { mode: parseInt(mode, 8), uid: Number(uid), gid: Number(gid), size: Number(size), owner, group });
  }
  if (f.type === 'file' || f.type === 'directory' || f.type === 'other') stat.type = f.type;
  if (f.sha256) stat.sha256 = f.sha256;
  if (f.content !== undefined) stat.content = Buffer.from(f.content, 'base64');
  return stat;
}
