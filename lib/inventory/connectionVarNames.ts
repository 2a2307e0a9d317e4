/** What a host's connection settings are called in the inventory. */
export interface ConnectionVars {
  address?: string;
  port?: number;
  user?: string;
  privateKeyFile?: string;
  become?: boolean;
  becomeUser?: string;
  password?: string;
}

// ferry's own short names win over the ansible_* aliases when both are set; within the aliases, Ansible's current name wins.
export const CONNECTION_VAR_NAMES: Record<keyof ConnectionVars, readonly string[]> = {
  address: ['ssh_host', 'ansible_host', 'ansible_ssh_host'],
  port: ['ssh_port', 'ansible_port', 'ansible_ssh_port'],
  user: ['ssh_user', 'ansible_user', 'ansible_ssh_user'],
  privateKeyFile: ['ssh_key', 'ansible_ssh_private_key_file', 'ansible_private_key_file'],
  become: ['become', 'ansible_become'],
  becomeUser: ['become_user', 'ansible_become_user'],
  password: ['ssh_password', 'ansible_password', 'ansible_ssh_pass'],
};

/** The variable that sets one connection setting for these vars, if any does. */
export function connectionVarName(vars: Record<string, unknown>, setting: keyof ConnectionVars): string | undefined {
  return CONNECTION_VAR_NAMES[setting].find((name) => vars[name] !== undefined && vars[name] !== null);
}

/** A port from a number or a numeric string; the reason it is not one otherwise. */
export function parsePort(value: unknown): number | { error: string } {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return port;
  const shown = typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : 'a non-number';
  return { error: `${shown} is not a port number (1-65535)` };
}

/** true/false, or the words inventories use for them (yes/no, on/off, 1/0). */
export function parseBool(value: unknown): boolean | { error: string } {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(text)) return true;
  if (['false', 'no', 'off', '0'].includes(text)) return false;
  return { error: `${JSON.stringify(value)} is not true or false` };
}
