/** What one host's sshd_config needs to know. */
export interface SshdConfigInput {
  address: string;
  port: number;
  hostKey: string;
  authorizedKeys: string;
}

// One sshd per host: key-only logins for root and the lab user, generous session and startup limits, verbose log.
export function sshdConfig(input: SshdConfigInput): string {
  return [
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
    '',
  ].join('\n');
}
