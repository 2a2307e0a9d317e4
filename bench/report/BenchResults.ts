import type { Sample } from './stats.js';

/** What the bench ran on, printed above the table and kept in results.json. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  openssh: string;
  ansible?: string;
}

/** Everything measured at one fleet size. */
export interface SizeResult {
  /** Inventory hosts, each its own sshd. */
  hosts: number;
  ferry: { check: Sample; first: Sample; second: Sample; /** Highest peak RSS over every ferry run at this size, MiB. */ peakRssMiB: number };
  /** Absent when Ansible was not run at this size. */
  ansible?: { first: Sample; second: Sample };
  floor?: Sample;
  ratios: {
    ferryOverAnsibleFirst: number | null;
    ferryOverAnsibleSecond: number | null;
    ferryOverFloor: number | null;
  };
}

// The shape of bench/results.json: the machine, how it was run, and one entry per fleet size.
export interface BenchResults {
  date: string;
  machine: MachineInfo;
  repetitions: { ferry: number; floor: number; ansible: Record<string, number> };
  sizes: SizeResult[];
  notes: string[];
}
