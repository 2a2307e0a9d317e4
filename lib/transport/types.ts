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
  /**
   * The script only reads (a probe): it runs without the host-side watchdog, two processes fewer, because one that
   * outlives its deadline changes nothing. The caller still gets its answer at the deadline.
   */
  readOnly?: boolean;
  /**
   * The script bounds its own work (it runs it under timeout(1), which kills the whole process group): no host-side
   * watchdog either. The caller still gets its answer at `timeoutMs`.
   */
  bounded?: boolean;
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

/** A script kept running on its own channel for as long as the caller holds it; its stdin stays open. */
export interface HoldRequest {
  /** POSIX sh script; it must print a line before it reads stdin (what is sent earlier could be read as script). */
  script: string;
  become?: boolean;
}

// A running held script (the host lock's holder): lines it prints as they come, stdin to talk to it, and its end.
export interface HeldChannel {
  /** The next line the script printed, or undefined once it ended; rejects after `timeoutMs` without one. */
  nextLine(timeoutMs: number): Promise<string | undefined>;
  /** Sends text to the script's stdin. */
  write(text: string): void;
  /** Ends the script's stdin and resolves once the channel is gone (bounded: a dead host does not hold it up). */
  release(): Promise<void>;
  /** Resolves when the channel is gone, whoever ended it. */
  readonly closed: Promise<void>;
}

// What a module sees of a host: run a script, write a file. It knows nothing of playbooks.
export interface RemoteHost {
  /** Inventory name. */
  readonly name: string;
  /** Login user of the connection. */
  readonly user: string;
  exec(req: ExecRequest): Promise<ExecResult>;
  writeFile(req: WriteRequest): Promise<void>;
  /** Keeps a script running on a channel of its own (only hosts reached over SSH have it). */
  hold?(req: HoldRequest): Promise<HeldChannel>;
}
