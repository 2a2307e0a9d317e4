import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_ADMIN, startGiteaDouble, type GiteaDouble } from '../support/gitea/index.js';
import { DEFAULT_MOUNTS, startLab, type Lab, type LabHost } from '../support/lab/index.js';
import { argvOf } from '../support/argvOf.js';
import { readReport, runFerry, type FerryRun } from '../support/runFerry.js';

/** Where tokens get baked in besides the lab's usual private trees: systemd units and users' crontabs. */
const EXTRA_MOUNTS = ['/etc/systemd/system', '/var/spool/cron'];

/** A lab of operator hosts, a Gitea double, and a scratch directory for reports. */
export interface ReuseLab {
  lab: Lab;
  gitea: GiteaDouble;
  inventory: string;
  work: string;
  /** Runs the built CLI on a playbook against the operator hosts, admin credentials in its environment. */
  ferry(playbook: string, report: string, ...extra: string[]): Promise<FerryRun>;
  /** The JSON report a run wrote. */
  report(name: string): any;
  /** Writes a file on a host (through its private tree), parents created. */
  put(host: LabHost, path: string, text: string, mode?: number): void;
  /** Every argv the hosts ran while `during` ran. */
  argvsDuring<T>(during: () => Promise<T>): Promise<{ value: T; argvs: string[] }>;
  stop(): Promise<void>;
}

// The operator-host lab every reuse spec starts from: `count` hosts in group operator_hosts, the double with the org.
export async function startReuseLab(count: number, teams: string[] = ['ops']): Promise<ReuseLab> {
  const gitea = await startGiteaDouble({ orgs: [{ name: 'molecule-ai', teams }] });
  let lab: Lab;
  try {
    lab = await startLab({ count, mounts: [...DEFAULT_MOUNTS, ...EXTRA_MOUNTS] });
  } catch (err) {
    await gitea.stop();
    throw err;
  }
  const inventory = lab.writeInventory({ groups: { operator_hosts: lab.hosts.map((h) => h.name) } });
  const work = mkdtempSync(join(tmpdir(), 'ferry-reuse-'));
  const env = { GITEA_ADMIN_USER: DEFAULT_ADMIN.user, GITEA_ADMIN_PASSWORD: DEFAULT_ADMIN.password };
  return {
    lab,
    gitea,
    inventory,
    work,
    ferry: (playbook, report, ...extra) =>
      runFerry(['run', playbook, '-i', inventory, '--known-hosts', lab.knownHostsFile, '-e', `gitea_url=${gitea.url}`, '--report', join(work, report), ...extra], { env }),
    report: (name) => readReport(join(work, name)),
    put: (host, path, text, mode = 0o644) => {
      const local = host.pathOf(path);
      mkdirSync(dirname(local), { recursive: true });
      writeFileSync(local, text);
      chmodSync(local, mode);
    },
    argvsDuring: async (during) => {
      const traces = await Promise.all(lab.hosts.map((h) => lab.traceExecve(h.name)));
      const value = await during();
      const texts = await Promise.all(traces.map((t) => t.stop()));
      return { value, argvs: texts.flatMap(argvOf) };
    },
    stop: async () => {
      await lab.stop();
      await gitea.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Statuses of one module's tasks on one host in a report, in order. */
export function statusesOf(report: any, host: string, module: string): string[] {
  return report.hosts[host].tasks.filter((t: { module: string }) => t.module === module).map((t: { status: string }) => t.status);
}

/** The messages of one module's tasks on one host in a report (items' messages for a loop). */
export function messagesOf(report: any, host: string, module: string): string[] {
  const tasks = report.hosts[host].tasks.filter((t: { module: string }) => t.module === module);
  return tasks.flatMap((t: { msg?: string; items?: Array<{ msg?: string }> }) => (t.items ? t.items.map((i) => i.msg ?? '') : [t.msg ?? '']));
}
