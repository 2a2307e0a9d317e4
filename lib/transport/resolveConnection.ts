import { existsSync } from 'node:fs';
import os from 'node:os';
import { readSshConfig, type SshConfigValues } from './sshConfig.js';
import type { ConnectionSpec } from './types.js';

/** What the inventory says about reaching a host; whatever it leaves out comes from ssh_config, then defaults. */
export interface ConnectionWish {
  name: string;
  address?: string;
  port?: number;
  user?: string;
  privateKeyFile?: string;
  passphrase?: string;
  connectTimeout?: number;
}

/** Local facts the defaults depend on. */
export interface LocalEnv {
  localUser: string;
  sshAuthSock?: string;
  exists(file: string): boolean;
}

// Inventory wins, ssh_config fills the gaps, OpenSSH's defaults come last (port 22, the local user name).
export function resolveConnection(wish: ConnectionWish, config: SshConfigValues, env: LocalEnv): ConnectionSpec {
  const spec: ConnectionSpec = {
    name: wish.name,
    address: wish.address ?? config.hostName ?? wish.name,
    port: wish.port ?? config.port ?? 22,
    user: wish.user ?? config.user ?? env.localUser,
  };
  const key = wish.privateKeyFile ?? config.identityFiles.find((f) => env.exists(f));
  if (key) spec.privateKeyFile = key;
  if (wish.passphrase !== undefined) spec.passphrase = wish.passphrase;
  if (env.sshAuthSock) spec.agent = env.sshAuthSock;
  if (wish.connectTimeout !== undefined) spec.connectTimeout = wish.connectTimeout;
  return spec;
}

/** resolveConnection with the user's ~/.ssh/config (or `sshConfigFile`) and this process's environment. */
export async function connectionSpecFor(wish: ConnectionWish, opts: { sshConfigFile?: string } = {}): Promise<ConnectionSpec> {
  // ssh looks the config up by the name it is asked to reach: the address when the inventory gives one.
  const config = await readSshConfig(wish.address ?? wish.name, opts.sshConfigFile);
  return resolveConnection(wish, config, {
    localUser: os.userInfo().username,
    sshAuthSock: process.env.SSH_AUTH_SOCK || undefined,
    exists: existsSync,
  });
}
