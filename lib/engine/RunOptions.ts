import type { Inventory } from '../inventory/types.js';
import type { ModuleDef } from '../modules/defineModule.js';
import type { Playbook } from '../playbook/types.js';
import type { RunListener } from '../report/types.js';
import type { Redactor } from '../secrets/Redactor.js';
import type { ConnectionSpec, RemoteHost } from '../transport/types.js';

/** How the engine reaches hosts; the transport implements it, and knows nothing of playbooks. */
export interface HostConnector {
  connect(spec: ConnectionSpec): Promise<RemoteHost>;
  close(): Promise<void>;
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
}
