import type { Inventory } from '../inventory/types.js';
import { literalVars, Scope } from '../template/index.js';
import type { HostState } from './HostState.js';
import type { PlayVars } from './PlayVars.js';

/** The layers a task sees, lowest precedence first, as Ansible orders them. */
export interface ScopeInputs {
  inventory: Inventory;
  state: HostState;
  play: PlayVars;
  /** Block and task `vars:`, outermost first. */
  taskVars: Array<Record<string, unknown>>;
  extraVars: Record<string, unknown>;
  check: boolean;
  /** Scope of another host, for hostvars. */
  hostScope(name: string): Scope;
  /** `groups` and `hostvars` built once for the play (see playMagic); built here when absent. */
  shared?: PlayMagic;
}

/** The magic variables that are the same for every host of a play. */
export interface PlayMagic {
  groups: Record<string, string[]>;
  hostvars: Record<string, unknown>;
}

// Built once per play, not once per host and task: hostvars has a getter per inventory host, so rebuilding it for every
// task of every host cost O(hosts²) time and garbage. The getters stay lazy, so each read still sees the host's facts now.
export function playMagic(inventory: Inventory, hostScope: (name: string) => Scope): PlayMagic {
  const groups: Record<string, string[]> = {};
  for (const [name, group] of inventory.groups) groups[name] = [...group.hosts];
  const hostvars: Record<string, unknown> = {};
  for (const name of inventory.hosts.keys()) {
    Object.defineProperty(hostvars, name, { enumerable: true, get: () => hostScope(name).toObject() });
  }
  return { groups, hostvars };
}

// Builds the variable scope of one host for one task: inventory < play < vars_files < task < facts < extra < magic.
export function scopeFor(inputs: ScopeInputs): Scope {
  const { inventory, state, play } = inputs;
  const host = inventory.hosts.get(state.name);
  return new Scope([
    host?.vars ?? {},
    play.vars,
    play.hostVarsFiles?.get(state.name) ?? play.varsFiles,
    literalVars(play.secrets),
    ...inputs.taskVars,
    state.facts,
    inputs.extraVars,
    magicVars(inputs),
  ]);
}

function magicVars(inputs: ScopeInputs): Record<string, unknown> {
  const { groups, hostvars } = inputs.shared ?? playMagic(inputs.inventory, inputs.hostScope);
  return {
    inventory_hostname: inputs.state.name,
    inventory_hostname_short: inputs.state.name.split('.')[0],
    group_names: (inputs.inventory.hosts.get(inputs.state.name)?.groups ?? []).filter((g) => g !== 'all'),
    groups,
    hostvars,
    play_hosts: inputs.play.hosts,
    ansible_play_hosts: inputs.play.hosts,
    ansible_check_mode: inputs.check,
    ferry_check_mode: inputs.check,
  };
}
