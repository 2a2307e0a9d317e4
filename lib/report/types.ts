export type TaskStatus = 'ok' | 'changed' | 'failed' | 'skipped' | 'pending';

/** The outcome of one task on one host; every string in it is already masked. */
export interface HostTaskResult {
  host: string;
  status: TaskStatus;
  msg?: string;
  /** The message is the task's output (debug): shown at every verbosity. */
  prints?: boolean;
  /** One line per change (the plan's summaries). */
  changes?: string[];
  /** Unified diff text, masked; present under --diff or in the JSON report. */
  diff?: string;
  /** Failure ignored by ignore_errors. */
  ignored?: boolean;
  /** Set when the task ran on a delegate (delegate_to: localhost). */
  delegatedTo?: string;
  /** Loop item label, when the result is one item of a loop. */
  item?: string;
  /** Per-item results of a looped task, each with its `item` label; the result itself is their aggregate. */
  items?: HostTaskResult[];
  /** Milliseconds this task took on this host. */
  ms?: number;
  /** Files and directories the task replaced, created, removed or re-moded, each with its backup: what `ferry rollback` puts back. */
  files?: FileChange[];
}

/** A file's bytes and attributes at one moment, as a restore needs them. */
export interface FileState {
  sha256: string;
  /** Permission bits as four octal digits, e.g. `0640`. */
  mode: string;
  uid: number;
  gid: number;
  owner?: string;
  group?: string;
}

/** A directory's attributes at one moment; `tree` when its whole content was kept or put back. */
export interface DirState {
  type: 'directory';
  /** Permission bits as four octal digits, e.g. `0750`. */
  mode: string;
  uid: number;
  gid: number;
  owner?: string;
  group?: string;
  /** sha256 over every entry below it (names, types, modes, owners, sizes, link targets, file bytes). */
  tree?: string;
}

/** A symbolic link at one moment: where it points, and who owns the link itself. */
export interface LinkState {
  type: 'symlink';
  target: string;
  uid: number;
  gid: number;
  owner?: string;
  group?: string;
}

// One regular file a task changed, recorded with a copy of what was there, so a run can be undone byte for byte.
export interface RegularFileChange {
  /** The path as the task named it (a symlink is followed, as the write followed it). */
  path: string;
  /** Where on the host the pre-run bytes, mode and owner were kept; absent when the file did not exist. */
  backup?: string;
  before: FileState | 'absent';
  after: { sha256: string } | 'absent';
  /** The change was made as root through sudo, so putting it back needs the same. */
  become?: boolean;
}

// One directory a task created, removed or re-moded; a removed tree is kept whole (`cp -a`) at `backup`.
export interface DirectoryChange {
  path: string;
  /** Where the removed tree was copied; absent when nothing but attributes needs keeping. */
  backup?: string;
  before: DirState | 'absent';
  after: DirState | 'absent';
  become?: boolean;
}

// One symbolic link a task removed (or a rollback re-created): the record is the link itself.
export interface SymlinkChange {
  path: string;
  /** A link needs no copy: its record is the whole of it. */
  backup?: undefined;
  before: LinkState | 'absent';
  after: LinkState | 'absent';
  become?: boolean;
}

/** Whatever a task changed at one path: a regular file, a directory or a symlink, each with what undoes it. */
export type FileChange = RegularFileChange | DirectoryChange | SymlinkChange;

/** What a path held at one moment, whatever kind of thing it was. */
export type PathState = FileState | DirState | LinkState;

/** A task a rollback leaves as it is: it changed something, but recorded no file to put back. */
export interface NotUndone {
  host: string;
  task: string;
  module: string;
  why: string;
}

export interface Recap {
  ok: number;
  changed: number;
  unreachable: number;
  failed: number;
  skipped: number;
  rescued: number;
  ignored: number;
  pending: number;
}

/** Per host in the JSON report: recap counts, unreachable reason, and each task's result in order. */
export interface HostReport extends Recap {
  /** Why the host could not be reached, one line; absent when it was. */
  unreachableReason?: string;
  tasks: Array<{ play: string; name: string; module: string } & Omit<HostTaskResult, 'host'>>;
}

// The JSON report written by --report: what ran, where, and what changed, secrets masked.
export interface RunReport {
  ferry: string;
  playbook: string;
  check: boolean;
  diff: boolean;
  started: string;
  finished: string;
  exitCode: number;
  hosts: Record<string, HostReport>;
  /** Names this run's backups on every host (`<store>/<runId>/…`). */
  runId?: string;
  /** Absolute path of the inventory the run used, so a rollback can reach the same hosts. */
  inventory?: string;
  /** Set on a rollback's own report: the report it rolled back. */
  rollbackOf?: string;
  /** On a rollback's own report: the run's changes it did not undo, and why. */
  notUndone?: NotUndone[];
}

/** What the engine tells a reporter, in order. All strings are already masked. */
export interface RunListener {
  playStart?(play: { name: string; hosts: string[] }): void;
  taskStart?(task: { name: string; module: string; handler?: boolean }): void;
  hostResult?(task: { name: string; module: string }, result: HostTaskResult): void;
  hostUnreachable?(host: string, reason: string): void;
  /** A host that failed in a block was rescued (counts as `rescued` in the recap). */
  hostRescued?(host: string): void;
  runEnd?(report: RunReport): void;
  /** Extra detail at -v and above. */
  verbose?(level: number, host: string | undefined, message: string): void;
}
