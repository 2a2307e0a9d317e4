import { EXIT } from './exitCodes.js';
import type { RunReport } from './types.js';

// The process exit code ansible-playbook would give: an unreachable host wins over a failed one.
export function exitCodeOf(report: Pick<RunReport, 'hosts'>): number {
  const hosts = Object.values(report.hosts);
  if (hosts.some((h) => h.unreachable > 0)) return EXIT.UNREACHABLE;
  if (hosts.some((h) => h.failed > 0)) return EXIT.FAILED;
  return EXIT.OK;
}
