import { readFile } from 'node:fs/promises';
import { FerryError, FerryErrors } from '../../errors/FerryError.js';
import type { RunReport } from '../../report/types.js';
import { writeReport } from '../../report/writeReport.js';
import { mergeReports, type NamedReport } from './mergeReports.js';

/** `ferry report merge` options. */
export interface ReportMergeArgs {
  reports: string[];
  output?: string;
}

// `ferry report merge A.json B.json … [-o FILE]`: one report for a run fanned out with --shard. Prints the merged
// report (or writes it, mode 0600) and exits with its exit code, so the job that merges fails when any shard did.
export async function reportMergeCommand(args: ReportMergeArgs, write: (text: string) => void): Promise<number> {
  const read = await Promise.allSettled(args.reports.map(readReportFile));
  const problems = read.flatMap((r) => (r.status === 'rejected' ? [r.reason as FerryError] : []));
  if (problems.length > 0) throw new FerryErrors(problems);
  const merged = mergeReports(read.map((r) => (r as PromiseFulfilledResult<NamedReport>).value));
  if (args.output) await writeReport(args.output, merged);
  else write(`${JSON.stringify(merged, null, 2)}\n`);
  return merged.exitCode;
}

async function readReportFile(file: string): Promise<NamedReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
    throw new FerryError('FILE_NOT_FOUND', `report ${why}`, { file }, 'name the files each shard wrote with --report');
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    throw new FerryError('USAGE', 'not a JSON report', { file }, 'name the files `ferry run --report` wrote');
  }
  if (!isRunReport(report)) throw new FerryError('USAGE', 'not a ferry run report (no hosts, check or exitCode)', { file }, 'name the files `ferry run --report` wrote');
  return { file, report };
}

function isRunReport(x: unknown): x is RunReport {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.hosts === 'object' && r.hosts !== null && !Array.isArray(r.hosts) && typeof r.check === 'boolean' && typeof r.exitCode === 'number';
}
