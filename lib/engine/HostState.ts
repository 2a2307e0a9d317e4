import type { RemoteHost } from '../transport/types.js';

// What the engine remembers about one host across tasks and plays of a run.
export class HostState {
  /** Registered results and set_fact values: above play vars, below extra vars. */
  readonly facts: Record<string, unknown> = {};
  /** Handlers this host notified in the current play, by name or listen topic. */
  readonly notified = new Set<string>();
  /** A task failed here: the host takes no further part in the play or the run. */
  failed = false;
  /** How many enclosing blocks with a rescue the host is running the `block:` part of: their rescue handles its failures. */
  rescuable = 0;
  /** Why the host could not be reached; set once, the host is then out of the run. */
  unreachable?: string;
  /** Some task would have changed this host in check mode: later probe errors are 'pending', not failures. */
  pendingChanges = 0;
  /** The connection, once opened. */
  connection?: Promise<RemoteHost>;

  constructor(readonly name: string) {}

  get active(): boolean {
    return !this.failed && this.unreachable === undefined;
  }
}
