import type { Inventory } from '../inventory/types.js';
import type { ModuleDef } from '../modules/defineModule.js';
import type { Playbook } from '../playbook/types.js';
import type { RunListener } from '../report/types.js';
import type { Redactor } from '../secrets/Redactor.js';
import type { ConnectionSpec, RemoteHost } from '../transport/types.js';
import type { HostLockPolicy } from './hostLock/HostLockPolicy.js';

/** How the engine reaches hosts; the transport implements it, and knows nothing of playbooks. */
export interface HostConnector {
  connect(spec: ConnectionSpec): Promise<RemoteHost>;
  close(): Promise<void>;
}

/** A task about to run, as a task gate sees it: the shown (rendered, masked) name and the name as written. */
export interface GatedTask {
  name: string;
  module: string;
  handler: boolean;
  /** The name as written in the playbook (may hold `{{ }}`). */
  rawName?: string;
}

// Everything one run needs, resolved by the CLI (or a library caller) before any host is contacted.
export interface RunOptions {
  playbook: Playbook;
  inventory: Inventory;
  modules: ReadonlyMap<string, ModuleDef>;
  connector: HostConnector;
  /** Runs `delegate_to: localhost` work on the controller. */
  localHost: RemoteHost;
  listener: RunListener;
  redactor: Redactor;
  /** Build the ConnectionSpec of an inventory host (inventory vars, ssh_config, defaults). */
  connectionSpec(hostname: string): Promise<ConnectionSpec>;
  limit?: string;
  check: boolean;
  diff: boolean;
  forks: number;
  extraVars: Record<string, unknown>;
  tags?: string[];
  skipTags?: string[];
  verbosity: number;
  /** Asked before each task runs (--step, --start-at-task): false skips it on every host of the batch, silently. */
  taskGate?(task: GatedTask): boolean | Promise<boolean>;
  /** Names this run's backups on every host and in the report; made up when absent. */
  runId?: string;
  /** After the run, keep only this many runs' backups on each host that changed a file. */
  keepBackups?: number;
  /** The inventory file, recorded in the report so `ferry rollback` can reach the same hosts. */
  inventoryFile?: string;
  /** Lock each host the run changes, so two runs never interleave on it (absent: no lock). */
  hostLock?: HostLockPolicy;
}
