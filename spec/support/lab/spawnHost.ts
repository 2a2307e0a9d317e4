import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mountNamespaceOf } from './processes.js';
import { waitForPort } from './waitForPort.js';

/** What it takes to start one host's sshd. */
export interface HostLaunch {
  address: string;
  port: number;
  configFile: string;
  logFile: string;
  /** Captures the launcher shell's own stderr (mount failures). */
  startLogFile: string;
  /** Private tree root: `<treeRoot><mount>` is bind-mounted over `<mount>`. */
  treeRoot: string;
  mounts: readonly string[];
  /** Extra mounts made inside the host after the binds: a small tmpfs (a disk that fills up), a read-only bind. */
  extraMounts?: readonly ExtraMount[];
}

/** A mount only the host sees: `tmpfs` of a size at a path, or a path made read-only. */
export type ExtraMount = { kind: 'tmpfs'; path: string; size: string } | { kind: 'ro'; path: string };

/** A started host process. */
export interface HostProcess {
  child: ChildProcess;
  pid: number;
  /** Mount namespace of the host, read once sshd listens. */
  ns: string;
  /** Resolves when the listener has exited (holds the event loop open while awaited). */
  exited: () => Promise<void>;
}

/** Why a host did not come up: another listener holds the address, or a real failure. */
export class HostStartError extends Error {
  constructor(
    message: string,
    readonly addressInUse: boolean,
  ) {
    super(message);
  }
}

// The launcher: bind each private tree over its mount point, then become sshd, all inside a fresh mount namespace.
const LAUNCHER = [
  'set -e',
  'cfg=$1; log=$2; shift 2',
  'while [ $# -gt 0 ]; do',
  '  case $1 in',
  '    tmpfs) mount -t tmpfs -o "size=$2,mode=0755" tmpfs "$3" ;;',
  '    ro) mount --bind "$3" "$3" && mount -o remount,bind,ro "$3" ;;',
  '    *) mount --bind "$2" "$3" ;;',
  '  esac',
  '  shift 3',
  'done',
  'exec /usr/sbin/sshd -D -f "$cfg" -E "$log"',
].join('\n');

// Starts one host and waits until its own sshd (not some other listener) accepts connections.
export async function spawnHost(launch: HostLaunch): Promise<HostProcess> {
  const binds = [
    ...launch.mounts.flatMap((m) => ['bind', path.join(launch.treeRoot, m), m]),
    ...(launch.extraMounts ?? []).flatMap((m) => (m.kind === 'tmpfs' ? ['tmpfs', m.size, m.path] : ['ro', '-', m.path])),
  ];
  const out = openSync(launch.startLogFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      'unshare',
      ['--mount', '--propagation', 'private', '/bin/sh', '-c', LAUNCHER, 'ferry-lab-host', launch.configFile, launch.logFile, ...binds],
      { detached: true, stdio: ['ignore', out, out] },
    );
  } finally {
    closeSync(out);
  }
  const exitEvent = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Unreferenced so a forgotten lab never keeps the test process alive (the exit hook kills it);
  // referenced again while someone waits for the exit.
  child.unref();
  const exited = async (): Promise<void> => {
    child.ref();
    await exitEvent;
  };
  const pid = child.pid;
  if (pid === undefined) throw new HostStartError('could not spawn unshare', false);
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const result = await waitForPort(launch.address, launch.port, { alive });
  const log = await readFile(launch.logFile, 'utf8').catch(() => '');
  const ours = log.includes(`Server listening on ${launch.address} port ${launch.port}`);
  if (result === 'listening' && ours) {
    const ns = mountNamespaceOf(pid);
    if (!ns || ns === mountNamespaceOf('self')) throw new HostStartError(`sshd ${pid} is not in its own namespace`, false);
    return { child, pid, ns, exited };
  }
  if (alive()) child.kill('SIGKILL');
  await exited();
  const startLog = await readFile(launch.startLogFile, 'utf8').catch(() => '');
  const inUse = /Address already in use|Cannot bind any address/.test(log) || (result === 'listening' && !ours);
  const how = result === 'died' ? ` (its launcher ended: ${child.signalCode ?? `exit ${child.exitCode}`})` : '';
  throw new HostStartError(`sshd on ${launch.address}:${launch.port} did not start${how}:\n${startLog}${log}`.trim(), inUse);
}
