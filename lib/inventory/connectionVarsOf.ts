import { FerryError } from '../errors/FerryError.js';
import { connectionVarName, parseBool, parsePort, type ConnectionVars } from './connectionVarNames.js';
import type { InventoryHost } from './types.js';

export type { ConnectionVars } from './connectionVarNames.js';

function invalid(host: InventoryHost, name: string, error: string): FerryError {
  return new FerryError('INVENTORY', `host '${host.name}': ${name} ${error}`, { host: host.name }, `fix ${name} in the inventory or its group_vars/host_vars`);
}

// How to reach a host, from its merged variables: ferry's short names or Ansible's, coerced to their types.
export function connectionVarsOf(host: InventoryHost): ConnectionVars {
  const vars = host.vars;
  const out: ConnectionVars = {};
  const text = (setting: 'address' | 'user' | 'privateKeyFile' | 'becomeUser' | 'password'): void => {
    const name = connectionVarName(vars, setting);
    if (name !== undefined) out[setting] = String(vars[name]);
  };
  text('address');
  text('user');
  text('privateKeyFile');
  text('becomeUser');
  text('password');
  const portName = connectionVarName(vars, 'port');
  if (portName !== undefined) {
    const port = parsePort(vars[portName]);
    if (typeof port !== 'number') throw invalid(host, portName, port.error);
    out.port = port;
  }
  const becomeName = connectionVarName(vars, 'become');
  if (becomeName !== undefined) {
    const become = parseBool(vars[becomeName]);
    if (typeof become !== 'boolean') throw invalid(host, becomeName, become.error);
    out.become = become;
  }
  return out;
}
