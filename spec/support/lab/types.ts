/** One OpenSSH host of the lab: its own sshd on a loopback address, in its own mount namespace. */
export interface LabHost {
  /** Inventory name, e.g. `host1`. */
  name: string;
  /** Loopback address the host's sshd listens on, e.g. `127.81.4.1`. */
  address: string;
  port: number;
  /** Controller-side directory holding this host's private trees. */
  root: string;
  /** Controller-side path of an absolute remote path under one of the host's private mounts. */
  pathOf(remotePath: string): string;
  /** Controller-side path of a remote path as the running host sees it (through its tmpfs and read-only mounts too). */
  inside(remotePath: string): string;
  /** Pid of the host's listening sshd (inside its namespace). */
  sshdPid: number;
  /** sshd's own log (`-E`), e.g. for counting `Accepted publickey` lines. */
  logFile: string;
}

/** Variables of an extra inventory written by `Lab.writeInventory`. */
export interface InventoryVars {
  /** Login user (`ansible_user`), default root. */
  user?: string;
  /** Extra variables given to the `lab` group. */
  extra?: Record<string, unknown>;
  /** Extra groups: group name → host names. */
  groups?: Record<string, string[]>;
}

/** Options of `hashTree`. */
export interface HashTreeOptions {
  /** Remote absolute paths (files or directories) left out of the hash. */
  exclude?: string[];
}

/** A running execve trace of one host. */
export interface ExecveTrace {
  /** Ends strace and returns everything it recorded. */
  stop(): Promise<string>;
}

/** A set of lab hosts sharing a client key, a known_hosts file and an inventory. */
export interface Lab {
  /** Temp directory of the whole lab. */
  dir: string;
  hosts: LabHost[];
  /** Client private key (ed25519, OpenSSH format, no passphrase), authorized for root and ferryops. */
  keyFile: string;
  /** known_hosts with every host as `[address]:port key`. */
  knownHostsFile: string;
  /** Ansible YAML inventory: group `lab` with every host, logging in as root. */
  inventoryFile: string;
  writeInventory(vars?: InventoryVars): string;
  /** Authorizes one more public key (an OpenSSH `type base64 [comment]` line) for root and the lab user on every host. */
  authorizeKey(publicKey: string): Promise<void>;
  stopHost(name: string): Promise<void>;
  freezeHost(name: string): () => void;
  /** strace of every execve on the host (its sshd, open sessions, their children), resolved once attached. */
  traceExecve(name: string): Promise<ExecveTrace>;
  hashTree(name: string, opts?: HashTreeOptions): Promise<string>;
  stop(): Promise<void>;
}

/** Options of `startLab`. */
export interface LabOptions {
  /** Number of hosts, named host1..hostN (default 3). */
  count?: number;
  /** Host names; overrides `count`. */
  names?: string[];
  /** Absolute paths each host gets a private copy of (bind mounts). */
  mounts?: string[];
  /** Initial files, keyed by remote absolute path, placed on every host. */
  files?: Record<string, string>;
  /** sshd_config keywords replacing the lab's on every host, e.g. `{ MaxSessions: '2', MaxStartups: '1:100:1' }`. */
  sshd?: Record<string, string>;
  /** A tmpfs of the given size (`64k`) mounted at each path, inside each host only: a disk that fills up. */
  tmpfs?: Record<string, string>;
  /** Paths (under a private mount) each host sees read-only; their initial files are placed before. */
  readOnly?: string[];
}
