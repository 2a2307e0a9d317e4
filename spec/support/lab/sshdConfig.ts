/** What one host's sshd_config needs to know. */
export interface SshdConfigInput {
  address: string;
  port: number;
  hostKey: string;
  authorizedKeys: string;
  /** sshd keywords whose value replaces the lab's (e.g. `{ MaxSessions: '2' }`). */
  overrides?: Record<string, string>;
}

// One sshd per host: key-only logins for root and the lab user, generous session and startup limits, verbose log.
export function sshdConfig(input: SshdConfigInput): string {
  const overrides = new Map(Object.entries(input.overrides ?? {}).map(([k, v]) => [k.toLowerCase(), `${k} ${v}`]));
  const lines = [
    `ListenAddress ${input.address}:${input.port}`,
    `HostKey ${input.hostKey}`,
    'PidFile none',
    `AuthorizedKeysFile ${input.authorizedKeys}`,
    'StrictModes no',
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'UseDNS no',
    'MaxSessions 10',
    'MaxStartups 100:30:200',
    'LogLevel VERBOSE',
    'PrintMotd no',
    'PrintLastLog no',
    'X11Forwarding no',
    'Subsystem sftp internal-sftp',
  ];
  // sshd keeps the first value it reads for a keyword: an override replaces the line, or comes first when new.
  const replaced = lines.map((line) => overrides.get(line.split(' ')[0].toLowerCase()) ?? line);
  const known = new Set(lines.map((line) => line.split(' ')[0].toLowerCase()));
  const added = [...overrides.entries()].filter(([k]) => !known.has(k)).map(([, line]) => line);
  return [...added, ...replaced, ''].join('\n');
}
