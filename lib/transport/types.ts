/** How to reach one host: resolved from inventory variables, ~/.ssh/config and the command line. */
export interface ConnectionSpec {
  /** Inventory name, used in every message about this host. */
  name: string;
  /** Address to connect to (ansible_host, else ssh_config HostName, else name). */
  address: string;
  port: number;
  user: string;
  /** Path of a private key file (ansible_ssh_private_key_file / IdentityFile). */
  privateKeyFile?: string;
  /** Passphrase of the private key, if any (a secret). */
  passphrase?: string;
  /** Use the agent at SSH_AUTH_SOCK when set. */
  agent?: string;
  /** Seconds to wait for the TCP connect and SSH handshake. */
  connectTimeout?: number;
}

/** Host key policy shared by every connection of a run. */
export interface HostKeyPolicy {
  /** known_hosts file to check against (default ~/.ssh/known_hosts). */
  knownHostsFile: string;
  /** Trust and record a host whose key is not in known_hosts yet (explicit opt-in). */
  acceptNew: boolean;
}

/** One remote shell script. The script text never carries secrets; data does, and it travels on stdin. */
export interface ExecRequest {
  /** POSIX sh script run on the host. */
  script: string;
  /** Bytes the script reads on its standard input. */
  stdin?: string | Buffer;
  /** Run as root through `sudo -n` (ignored when the login user is root). */
  become?: boolean;
  /** Give up after this many milliseconds (rc 124, like timeout(1)). */
  timeoutMs?: number;
}

export interface ExecResult {
  rc: number;
  stdout: string;
  stderr: string;
}

/** An atomic whole-file write: temp file beside the target, final mode and owner set before content, fsync, rename. */
export interface WriteRequest {
  path: string;
  content: string | Buffer;
  /** Octal mode such as 0o600. When omitted an existing target's mode is kept, a new file gets 0644. */
  mode?: number;
  /** When omitted an existing target's owner/group are kept. */
  owner?: string;
  group?: string;
  become?: boolean;
}

// What a module sees of a host: run a script, write a file. It knows nothing of playbooks.
export interface RemoteHost {
  /** Inventory name. */
  readonly name: string;
  /** Login user of the connection. */
  readonly user: string;
  exec(req: ExecRequest): Promise<ExecResult>;
  writeFile(req: WriteRequest): Promise<void>;
}
