import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import SSHConfig from 'ssh-config';

/** What ~/.ssh/config says about one host, for the values ferry uses. */
export interface SshConfigValues {
  hostName?: string;
  user?: string;
  port?: number;
  /** In file order, `~` and `%` tokens expanded. */
  identityFiles: string[];
}

/** Local facts the `%` tokens and `~` of ssh_config expand to. */
export interface SshConfigContext {
  home: string;
  localUser: string;
}

// ssh_config as ssh reads it for the values ferry needs; `Match exec` is never run (a config file must not run commands).
export function sshConfigValues(text: string, host: string, ctx: SshConfigContext): SshConfigValues {
  const computed = SSHConfig.parse(text).compute(host, { matchExec: false, ignoreCase: true });
  const one = (key: string): string | undefined => {
    const v = computed[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const hostName = one('hostname') === undefined ? undefined : expandTokens(one('hostname')!, { ...ctx, host });
  const user = one('user');
  const portText = one('port');
  const port = portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined;
  const rawIdentities = computed.identityfile;
  const identities = rawIdentities === undefined ? [] : Array.isArray(rawIdentities) ? rawIdentities : [rawIdentities];
  const tokens = { ...ctx, host: hostName ?? host, remoteUser: user, port };
  return {
    hostName,
    user,
    port,
    identityFiles: identities.map((f) => expandTokens(expandHome(f, ctx.home), tokens)),
  };
}

/** Reads the user's ssh_config (default ~/.ssh/config); a missing file says nothing. */
export async function readSshConfig(host: string, file?: string): Promise<SshConfigValues> {
  const ctx = { home: os.homedir(), localUser: os.userInfo().username };
  const text = await readFile(file ?? path.join(ctx.home, '.ssh', 'config'), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  return sshConfigValues(text, host, ctx);
}

function expandHome(file: string, home: string): string {
  if (file === '~') return home;
  return file.startsWith('~/') ? path.join(home, file.slice(2)) : file;
}

function expandTokens(
  value: string,
  t: SshConfigContext & { host: string; remoteUser?: string; port?: number },
): string {
  return value.replace(/%([%hdurp])/g, (whole, token: string) => {
    switch (token) {
      case '%':
        return '%';
      case 'h':
        return t.host;
      case 'd':
        return t.home;
      case 'u':
        return t.localUser;
      case 'r':
        return t.remoteUser ?? t.localUser;
      case 'p':
        return String(t.port ?? 22);
      default:
        return whole;
    }
  });
}
