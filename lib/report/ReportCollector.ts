import { exitCodeOf } from './exitCodeOf.js';
import { countResult, emptyRecap } from './recapOf.js';
import type { HostReport, HostTaskResult, NotUndone, RunListener, RunReport } from './types.js';

/** What the report says about the run itself, known before the first event. */
export interface ReportHeader {
  /** ferry's version. */
  ferry: string;
  playbook: string;
  check: boolean;
  diff: boolean;
  /** When the run started; now if not given. */
  started?: Date | string;
  runId?: string;
  inventory?: string;
  rollbackOf?: string;
  notUndone?: NotUndone[];
}

// Builds the JSON report from the same events the console sees, so both always tell the same story.
export class ReportCollector implements RunListener {
  private readonly header: ReportHeader;
  private readonly started: string;
  private readonly hosts: Record<string, HostReport> = {};
  private play = '';

  constructor(header: ReportHeader) {
    this.header = header;
    this.started = isoOf(header.started ?? new Date());
  }

  playStart(play: { name: string; hosts: string[] }): void {
    this.play = play.name || play.hosts.join(',');
    for (const host of play.hosts) this.hostEntry(host);
  }

  hostResult(task: { name: string; module: string }, result: HostTaskResult): void {
    const { host, ...rest } = result;
    const entry = this.hostEntry(host);
    countResult(entry, result);
    entry.tasks.push({ play: this.play, name: task.name, module: task.module, ...definedOnly(rest) });
  }

  hostUnreachable(host: string, reason: string): void {
    const entry = this.hostEntry(host);
    entry.unreachable = 1;
    entry.unreachableReason = reason;
  }

  /** Like Ansible's recap: the failure a rescue handled counts as rescued, not failed. */
  hostRescued(host: string): void {
    const entry = this.hostEntry(host);
    entry.rescued += 1;
    entry.failed = Math.max(0, entry.failed - 1);
  }

  /** The report as it stands; the exit code is derived from the counts unless given (e.g. interrupted). */
  finish(exitCode?: number, finishedAt: Date | string = new Date()): RunReport {
    const hosts = structuredClone(this.hosts);
    return {
      ferry: this.header.ferry,
      playbook: this.header.playbook,
      check: this.header.check,
      diff: this.header.diff,
      started: this.started,
      finished: isoOf(finishedAt),
      exitCode: exitCode ?? exitCodeOf({ hosts }),
      hosts,
      ...definedOnly({ runId: this.header.runId, inventory: this.header.inventory, rollbackOf: this.header.rollbackOf }),
      ...(this.header.notUndone?.length ? { notUndone: structuredClone(this.header.notUndone) } : {}),
    };
  }

  private hostEntry(host: string): HostReport {
    this.hosts[host] ??= { ...emptyRecap(), tasks: [] };
    return this.hosts[host];
  }
}

/** Drops absent fields, so the report holds only what the engine said. */
function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Report timestamps are ISO 8601 in UTC, whichever form the caller has. */
function isoOf(at: Date | string): string {
  return typeof at === 'string' ? at : at.toISOString();
}
