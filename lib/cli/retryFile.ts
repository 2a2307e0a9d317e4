import { writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { RunReport } from '../report/types.js';

/** The hosts a retry should run again: those that failed or could not be reached, in inventory order. */
export function retryHosts(report: RunReport): string[] {
  return Object.entries(report.hosts)
    .filter(([, h]) => h.failed > 0 || h.unreachable > 0)
    .map(([name]) => name);
}

/** `site.yml` → `./site.retry`: in the current directory, where the operator is, never beside a shared playbook. */
export function defaultRetryFile(playbook: string, cwd: string = process.cwd()): string {
  return resolve(cwd, `${basename(playbook, extname(playbook))}.retry`);
}

// A run that leaves failed or unreachable hosts names them, one per line, so `--limit @FILE` runs only them next time.
export async function writeRetryFile(file: string, hosts: readonly string[], playbook: string): Promise<void> {
  const head = `# hosts that failed or were unreachable in ${basename(playbook)}: ferry run ... --limit @${basename(file)}`;
  await writeFile(file, `${head}\n${hosts.join('\n')}\n`);
}
