import { existsSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { FerryError } from '../errors/FerryError.js';
import { connectionVarsOf } from '../inventory/index.js';
import type { Inventory } from '../inventory/types.js';
import { resolveConnection } from '../transport/resolveConnection.js';
import { readSshConfig } from '../transport/sshConfig.js';
import type { ConnectionSpec } from '../transport/types.js';

/** Command-line settings that apply to every host unless its inventory says otherwise. */
export interface ConnectionDefaults {
  user?: string;
  privateKey?: string;
  connectTimeout?: number;
  sshConfigFile?: string;
}

/** OpenSSH's default identities, tried when nothing else names a key and no agent runs. */
const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

// How to reach each host: inventory first, then the command line, then ~/.ssh/config, then OpenSSH's defaults.
export function connectionSpecs(inventory: Inventory, defaults: ConnectionDefaults): (hostname: string) => Promise<ConnectionSpec> {
  return async (hostname) => {
    const host = inventory.hosts.get(hostname);
    if (!host) throw new FerryError('INVENTORY', `host '${hostname}' is not in the inventory`, { host: hostname });
    const vars = connectionVarsOf(host);
    const config = await readSshConfig(vars.address ?? hostname, defaults.sshConfigFile);
    const spec = resolveConnection(
      {
        name: hostname,
        address: vars.address,
        port: vars.port,
        user: vars.user ?? defaults.user,
        privateKeyFile: vars.privateKeyFile ?? defaults.privateKey,
        connectTimeout: defaults.connectTimeout,
      },
      config,
      { localUser: userInfo().username, sshAuthSock: process.env.SSH_AUTH_SOCK || undefined, exists: existsSync },
    );
    if (!spec.privateKeyFile && !spec.agent) {
      const found = DEFAULT_KEYS.map((k) => join(homedir(), '.ssh', k)).find((p) => existsSync(p));
      if (found) spec.privateKeyFile = found;
    }
    return spec;
  };
}
