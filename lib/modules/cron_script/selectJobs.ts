import { FerryError } from '../../errors/FerryError.js';
import type { CronEntry } from './parseCronD.js';

// Picks the entries a task asks for: all of them, the one at an index, or the only one whose command matches a regex.
export function selectJobs(entries: readonly CronEntry[], job: number | string | undefined, where: string): Array<{ index: number; entry: CronEntry }> {
  const all = entries.map((entry, index) => ({ index, entry }));
  if (all.length === 0) throw new FerryError('MODULE', `${where} has no cron job`, {}, 'check name or file');
  if (job === undefined) return all;
  if (typeof job === 'number') {
    const picked = all[job];
    if (!picked) throw new FerryError('MODULE', `${where} has ${all.length} job(s), no job ${job}`, {}, `give job: 0 to ${all.length - 1}, or a regex of its command`);
    return [picked];
  }
  let re: RegExp;
  try {
    re = new RegExp(job);
  } catch (err) {
    throw new FerryError('MODULE', `job ${JSON.stringify(job)} is not a valid regex: ${(err as Error).message}`, {}, 'escape special characters, or give the job index');
  }
  const hits = all.filter((j) => re.test(j.entry.command));
  if (hits.length === 1) return hits;
  const listing = all.map((j) => `[${j.index}] ${j.entry.command}`).join('; ');
  const what = hits.length === 0 ? 'matches no job' : `matches ${hits.length} jobs`;
  throw new FerryError('MODULE', `job /${job}/ ${what} of ${where}: ${listing}`, {}, 'make the regex match exactly one command, or give the job index');
}
