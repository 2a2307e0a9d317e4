// Variables the engine gives every task of every host (scopeFor's magic layer): always known at load time.
export const MAGIC_NAMES: readonly string[] = [
  'inventory_hostname',
  'inventory_hostname_short',
  'group_names',
  'groups',
  'hostvars',
  'play_hosts',
  'ansible_play_hosts',
  'ansible_check_mode',
  'ferry_check_mode',
];
