import path from 'node:path';
import { EXIT } from '../../report/exitCodes.js';
import { writeReport } from '../../report/writeReport.js';
import { VERSION } from '../../version.js';
import { loadRunInputs } from '../loadRunInputs.js';
import { parseExtraVars } from '../parseExtraVars.js';
import { parseShard } from './parseShard.js';
import { shardLimit } from './shardLimit.js';

/** The `ferry run` options a shard needs to know. */
export interface ShardableArgs {
  playbook: string;
  inventory: string;
  limit?: string;
  shard?: string;
  report?: string;
  check: boolean;
  diff: boolean;
  extraVars: string[];
}

// `ferry run … --shard K/N`: the run narrowed to its slice of the hosts. A slice with no host (more jobs than hosts)
// still checks the playbook and writes an empty report, so every job of the matrix has a report to merge.
export async function runSharded<A extends ShardableArgs>(args: A, run: (args: A) => Promise<number>, write: (text: string) => void): Promise<number> {
  if (args.shard === undefined) return run(args);
  const shard = parseShard(args.shard);
  const slice = await shardLimit(args.inventory, args.limit, shard);
  const which = `shard ${shard.index}/${shard.count}`;
  if (slice.kind === 'empty') {
    await loadRunInputs(args.playbook, args.inventory, args.limit, parseExtraVars(args.extraVars));
    write(`ferry: ${which} holds none of the ${slice.total} host(s); nothing to run\n`);
    if (args.report) await writeReport(args.report, emptyReport(args));
    return EXIT.OK;
  }
  write(`ferry: ${which}: ${slice.hosts.length} of ${slice.total} host(s)\n`);
  try {
    return await run({ ...args, limit: slice.limit });
  } finally {
    await slice.cleanup();
  }
}

function emptyReport(args: ShardableArgs) {
  const now = new Date().toISOString();
  return { ferry: VERSION, playbook: path.resolve(args.playbook), check: args.check, diff: args.diff, started: now, finished: now, exitCode: EXIT.OK, hosts: {} };
}
