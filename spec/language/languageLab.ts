import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { HostReport, RunReport, TaskStatus } from '../../lib/report/types.js';
import { startLab, type Lab, type LabOptions } from '../support/lab/index.js';
import { runFerry, type FerryRun } from '../support/runFerry.js';

/** One run of the built CLI with its JSON report (absent when the run stopped before running anything). */
export interface LanguageRun extends FerryRun {
  report?: RunReport;
  /** Console output, both streams. */
  all: string;
}

/** A lab of three hosts plus a controller work directory, for playbooks under spec/language/playbooks. */
export interface LanguageLab {
  lab: Lab;
  /** Controller directory for files that tasks delegated to localhost write, and for reports. */
  work: string;
  /** `ferry run spec/language/playbooks/<name> -i <lab> --report …` (or an absolute playbook path), plus more arguments. */
  run(playbook: string, args?: string[], env?: NodeJS.ProcessEnv): Promise<LanguageRun>;
  /** A file of a lab host, or undefined when it does not exist. */
  read(host: string, remotePath: string): string | undefined;
  stop(): Promise<void>;
}

export const PLAYBOOKS = 'spec/language/playbooks';

// One lab per spec file: the language specs run real playbooks through the built CLI against real sshd hosts.
export async function startLanguageLab(opts: LabOptions = { count: 3 }): Promise<LanguageLab> {
  const lab = await startLab(opts);
  const work = mkdtempSync(join(tmpdir(), 'ferry-language-'));
  let runs = 0;
  return {
    lab,
    work,
    async run(playbook, args = [], env = {}) {
      const reportFile = join(work, `report-${++runs}.json`);
      const inventory = args.includes('-i') ? [] : ['-i', lab.inventoryFile];
      const file = isAbsolute(playbook) ? playbook : join(PLAYBOOKS, playbook);
      const res = await runFerry(['run', file, ...inventory, '--known-hosts', lab.knownHostsFile, '--report', reportFile, ...args], { env });
      const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as RunReport) : undefined;
      return { ...res, report, all: res.stdout + res.stderr };
    },
    read(host, remotePath) {
      const file = lab.hosts.find((h) => h.name === host)!.pathOf(remotePath);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
    async stop() {
      await lab.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The status each host had for one task (the first task of that name), by host. */
export function statusOf(report: RunReport | undefined, task: string): Record<string, TaskStatus | undefined> {
  const out: Record<string, TaskStatus | undefined> = {};
  for (const [host, entry] of Object.entries(report?.hosts ?? {})) out[host] = entry.tasks.find((t) => t.name === task)?.status;
  return out;
}

/** The names of the tasks a host ran, in order. */
export function tasksOf(report: RunReport | undefined, host: string): string[] {
  return (report?.hosts[host]?.tasks ?? []).map((t) => t.name);
}

/** A host's recap counts. */
export function recap(report: RunReport | undefined, host: string): Omit<HostReport, 'tasks' | 'unreachableReason'> {
  const { tasks: _tasks, unreachableReason: _reason, ...counts } = report!.hosts[host];
  return counts;
}

/** No JavaScript stack trace in a user-facing message. */
export const NO_STACK = /\n\s+at .*[(:]\d+/;
