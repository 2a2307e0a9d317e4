import { pruneBackupsScript } from '../modules/changes/pruneBackupsScript.js';
import { filesOfHost } from '../report/filesOfHost.js';
import type { FileChange, RunReport } from '../report/types.js';
import type { RemoteHost } from '../transport/types.js';

/** How pruning reaches a host and says what went wrong; a failed prune never fails the run. */
export interface PruneContext {
  keep: number;
  connectionOf(host: string): Promise<RemoteHost> | undefined;
  warn(host: string, message: string): void;
}

// --keep-backups N: on every host where the run backed files up, only the N newest runs' backups stay.
export async function pruneBackups(report: Pick<RunReport, 'hosts' | 'runId'>, ctx: PruneContext): Promise<void> {
  await Promise.all(
    Object.entries(report.hosts).map(async ([name, entry]) => {
      const files = filesOfHost(entry).filter((f) => f.backup !== undefined);
      const connection = files.length ? ctx.connectionOf(name) : undefined;
      if (!connection) return;
      try {
        const host = await connection;
        for (const become of [false, true]) {
          const mine = files.filter((f) => (f.become === true) === become);
          if (mine.length === 0) continue;
          const script = pruneBackupsScript({ keep: ctx.keep, ...placesOf(mine, report.runId) });
          const res = await host.exec({ script, become });
          if (res.rc !== 0) ctx.warn(name, `could not prune old backups: ${res.stderr.trim() || `exit status ${res.rc}`}`);
        }
      } catch (err) {
        ctx.warn(name, `could not prune old backups: ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  );
}

/** The stores (`<store>/<runId>/…` → `<store>`) and the paths backed up beside themselves. */
export function placesOf(files: readonly FileChange[], runId: string | undefined): { stores: string[]; besides: string[] } {
  const stores = new Set<string>();
  const besides = new Set<string>();
  for (const f of files) {
    const backup = f.backup!;
    const at = runId ? backup.indexOf(`/${runId}/`) : -1;
    if (at > 0) stores.add(backup.slice(0, at));
    else if (backup.startsWith(`${f.path}.bak.`)) besides.add(f.path);
  }
  return { stores: [...stores], besides: [...besides] };
}
