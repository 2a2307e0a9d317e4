import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { accountIds } from '../support/lab/hostTrees.js';
import { startLab, LAB_USER, type Lab, type LabHost } from '../support/lab/index.js';
import { readReport, runFerry, type FerryRun } from '../support/runFerry.js';

/** One file planted on a lab host before a run: its bytes, mode and owner. */
export interface Planted {
  text: string;
  mode: number;
  uid: number;
  gid: number;
}

/** What a file looks like on a host, for exact before/after comparisons. */
export interface Seen {
  text: string;
  mode: number;
  uid: number;
  gid: number;
}

/** A lab for rollback specs: hosts, a work directory for playbooks and reports, and the ferry CLI pointed at both. */
export interface RollbackLab {
  lab: Lab;
  work: string;
  inventory: string;
  host(name: string): LabHost;
  plant(host: string, remote: string, file: Planted): void;
  seen(host: string, remote: string): Seen | 'absent';
  playbook(name: string, yaml: string): string;
  ferry(args: string[]): Promise<FerryRun>;
  report(name: string): any;
  stop(): Promise<void>;
}

// Starts the lab hosts and logs in as the unprivileged lab user (become through sudo), as operators run ferry.
export async function startRollbackLab(count: number): Promise<RollbackLab> {
  const lab = await startLab({ count });
  const work = mkdtempSync(join(tmpdir(), 'ferry-rollback-'));
  const inventory = lab.writeInventory({ user: LAB_USER });
  const host = (name: string): LabHost => lab.hosts.find((h) => h.name === name)!;
  return {
    lab,
    work,
    inventory,
    host,
    plant(name, remote, file) {
      const local = host(name).pathOf(remote);
      mkdirSync(dirname(local), { recursive: true });
      rmSync(local, { force: true });
      writeFileSync(local, file.text);
      chownSync(local, file.uid, file.gid);
      chmodSync(local, file.mode);
    },
    seen(name, remote) {
      const local = host(name).pathOf(remote);
      try {
        const st = lstatSync(local);
        return { text: readFileSync(local, 'latin1'), mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
      } catch {
        return 'absent';
      }
    },
    playbook(name, yaml) {
      const file = join(work, name);
      writeFileSync(file, yaml);
      return file;
    },
    ferry: (args) => runFerry([...args, '--known-hosts', lab.knownHostsFile]),
    report: (name) => readReport(join(work, name)),
    async stop() {
      await lab.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** uid and gid of the lab user, for files it owns. */
export function labUserIds(): { uid: number; gid: number } {
  return accountIds(LAB_USER);
}

/** Every file record of one host in a report, in run order. */
export function filesOf(report: any, host: string): any[] {
  return report.hosts[host].tasks.flatMap((t: any) => [...(t.files ?? []), ...(t.items ?? []).flatMap((i: any) => i.files ?? [])]);
}
