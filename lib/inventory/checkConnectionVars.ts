import type { Problems } from '../playbook/Problems.js';
import { connectionVarName, parseBool, parsePort } from './connectionVarNames.js';
import type { Inventory } from './types.js';
import type { VarLayer } from './VarLayer.js';

const isTemplated = (value: unknown): boolean => typeof value === 'string' && value.includes('{{');

// A bad port or become flag is found when the inventory loads, at the line that set it, not mid-run on one host.
export function checkConnectionVars(inv: Inventory, layers: Map<string, VarLayer>, problems: Problems): void {
  for (const host of inv.hosts.values()) {
    for (const setting of ['port', 'become'] as const) {
      const name = connectionVarName(host.vars, setting);
      if (name === undefined || isTemplated(host.vars[name])) continue;
      const parsed = setting === 'port' ? parsePort(host.vars[name]) : parseBool(host.vars[name]);
      if (typeof parsed !== 'object') continue;
      const want = setting === 'port' ? 'a number from 1 to 65535' : 'true or false';
      problems.add('INVENTORY', `host '${host.name}': ${name} ${parsed.error}`, layers.get(host.name)?.pos[name], `set ${name} to ${want}`);
    }
  }
}
