import path from 'node:path';
import type { ModuleContext } from '../defineModule.js';
import { parseStats } from '../parseStats.js';
import { MISSING } from '../PathStat.js';
import { remoteFailure } from '../remoteFailure.js';
import { shellQuote } from '../shellQuote.js';
import { statScript } from '../statScript.js';
import type { EnvFileFacts } from './envLineTypes.js';

/** Env files larger than this are refused: they are not what env_line is for, and the probe carries the whole file. */
export const ENV_FILE_LIMIT = 4 * 1024 * 1024;

// One round trip: the file's stat and bytes (base64, so CRLF and any byte survive), its directory, and its real path.
export function envLineProbeScript(file: string): string {
  const q = shellQuote(file);
  return [
    statScript([
      { path: file, label: 'file', opts: { contentLimit: ENV_FILE_LIMIT } },
      { path: path.posix.dirname(file), label: 'parent' },
    ]),
    `if [ -e ${q} ]; then printf 'real=%s\\n' "$(readlink -f -- ${q} | base64 | tr -d '\\n')"; fi`,
  ].join('\n');
}

// Reads the env file as it is now; nothing on the host changes.
export async function probeEnvFile(ctx: ModuleContext, file: string): Promise<EnvFileFacts> {
  const res = await ctx.host.exec({ script: envLineProbeScript(file), become: ctx.become });
  if (res.rc !== 0) throw remoteFailure(ctx.hostname, `reading ${file}`, res);
  const { stats, vars } = parseStats(res.stdout);
  const facts: EnvFileFacts = { file: stats.file ?? MISSING, parent: stats.parent };
  if (vars.real) facts.real = Buffer.from(vars.real, 'base64').toString('utf8').replace(/\n$/, '');
  return facts;
}
