import type { Scope } from '../template/index.js';
import type { HostState } from './HostState.js';
import type { PlayVars } from './PlayVars.js';
import type { RunOptions } from './RunOptions.js';

// What every task of a play shares: the run's options, the play's vars, each host's state.
export interface PlayContext {
  opts: RunOptions;
  play: PlayVars;
  states: Map<string, HostState>;
  /** Directory the playbook's relative controller paths resolve from. */
  baseDir: string;
  /** The scope of a host for a task with the given block/task vars. */
  scopeOf(state: HostState, taskVars: Array<Record<string, unknown>>): Scope;
}
