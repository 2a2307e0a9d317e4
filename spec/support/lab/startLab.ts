import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MOUNTS, LAB_PORT } from './defaultMounts.js';
import { hashTree } from './hashTree.js';
import { createTrees, ensureMountPoints, makePathOf, placeFiles, sortMounts } from './hostTrees.js';
import { inventoryYaml } from './inventoryFile.js';
import { generateKey, keyWithoutComment } from './keys.js';
import { makeLabDir, randomBlock } from './labDir.js';
import { continueSync, killHostSync, onExitCleanup, pidsInNamespace, stopSync } from './processes.js';
import { probePort } from './waitForPort.js';
import { HostStartError, spawnHost, type ExtraMount, type HostProcess } from './spawnHost.js';
import { sshdConfig } from './sshdConfig.js';
import { traceExecve, type TraceHandle } from './traceExecve.js';
import type { Lab, LabHost, LabOptions } from './types.js';

/** Everything the lab keeps about one host before and after its sshd runs. */
interface HostState {
  name: string;
  dir: string;
  treeRoot: string;
  hostKey: string;
  hostPublic: string;
  proc?: HostProcess;
  /** Stopped and gone: its pid and namespace may already belong to another lab's host, so never signal them again. */
  gone?: boolean;
}

const MAX_BLOCK_ATTEMPTS = 25;

// Starts real OpenSSH hosts on loopback, each in its own mount namespace, and gives back how to reach and inspect them.
export async function startLab(opts: LabOptions = {}): Promise<Lab> {
  const names = opts.names ?? Array.from({ length: opts.count ?? 3 }, (_, i) => `host${i + 1}`);
  if (names.length === 0 || new Set(names).size !== names.length) throw new Error('startLab needs distinct host names');
  const mounts = sortMounts(opts.mounts ?? DEFAULT_MOUNTS);
  const dir = await makeLabDir(mounts);
  const states: HostState[] = [];
  const authorizedKeys = path.join(dir, 'authorized_keys');
  const traces = new Set<TraceHandle>();

  const killAllSync = (): void => {
    traces.forEach((t) => t.kill());
    for (const s of states) if (s.proc && !s.gone) killHostSync(s.proc.pid, s.proc.ns);
  };
  const unregister = onExitCleanup(() => {
    killAllSync();
    rmSync(dir, { recursive: true, force: true });
  });
  const stopHostState = async (s: HostState): Promise<void> => {
    if (!s.proc || s.gone) return;
    killHostSync(s.proc.pid, s.proc.ns);
    await s.proc.exited();
    s.gone = true;
  };
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await Promise.all([...traces].map((t) => t.stop()));
      await Promise.all(states.map(stopHostState));
      unregister();
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    await ensureMountPoints(mounts);
    const keyFile = path.join(dir, 'id_ed25519');
    const clientPublic = await generateKey(keyFile, 'ferry-lab-client');
    await writeFile(authorizedKeys, `${clientPublic}\n`, { mode: 0o644 });
    for (const name of names) {
      const hostDir = path.join(dir, name);
      await mkdir(hostDir, { mode: 0o755 });
      const hostKey = path.join(hostDir, 'ssh_host_ed25519_key');
      const treeRoot = path.join(hostDir, 'fs');
      const [hostPublic] = await Promise.all([generateKey(hostKey, name), createTrees(treeRoot, mounts)]);
      await placeFiles(makePathOf(treeRoot, mounts), opts.files ?? {});
      states.push({ name, dir: hostDir, treeRoot, hostKey, hostPublic });
    }
    const extraMounts = extraMountsOf(opts);
    for (const s of states) {
      for (const m of extraMounts) await mkdir(makePathOf(s.treeRoot, mounts)(m.path), { recursive: true, mode: 0o755 });
    }
    const block = await startAll(states, mounts, authorizedKeys, { overrides: opts.sshd, extraMounts });

    const hosts: LabHost[] = states.map((s, i) => ({
      name: s.name,
      address: `${block}.${i + 1}`,
      port: LAB_PORT,
      root: s.treeRoot,
      pathOf: makePathOf(s.treeRoot, mounts),
      inside: (remotePath: string) => path.join(`/proc/${s.proc!.pid}/root`, path.posix.normalize(remotePath)),
      sshdPid: s.proc!.pid,
      logFile: path.join(s.dir, 'sshd.log'),
    }));
    const knownHostsFile = path.join(dir, 'known_hosts');
    const knownLines = hosts.map((h, i) => `[${h.address}]:${h.port} ${keyWithoutComment(states[i].hostPublic)}\n`);
    await writeFile(knownHostsFile, knownLines.join(''), { mode: 0o644 });
    const inventoryFile = path.join(dir, 'inventory.yml');
    await writeFile(inventoryFile, inventoryYaml(hosts, keyFile));

    let inventories = 0;
    const stateOf = (name: string): HostState => {
      const s = states.find((h) => h.name === name);
      if (!s?.proc) throw new Error(`no lab host named ${name}`);
      return s;
    };
    const hostOf = (name: string): LabHost => hosts.find((h) => h.name === name)!;
    return {
      dir,
      hosts,
      keyFile,
      knownHostsFile,
      inventoryFile,
      writeInventory: (vars) => {
        const file = path.join(dir, `inventory-${++inventories}.yml`);
        writeFileSync(file, inventoryYaml(hosts, keyFile, vars));
        return file;
      },
      authorizeKey: (publicKey) => appendFile(authorizedKeys, `${publicKey.trim()}\n`),
      stopHost: (name) => stopHostState(stateOf(name)),
      freezeHost: (name) => {
        const { proc } = stateOf(name);
        const frozen = pidsInNamespace(proc!.ns);
        stopSync(frozen);
        return () => continueSync(frozen);
      },
      traceExecve: async (name) => {
        const s = stateOf(name);
        const others = pidsInNamespace(s.proc!.ns).filter((pid) => pid !== s.proc!.pid);
        const file = path.join(s.dir, `strace-${Date.now()}-${traces.size}.txt`);
        const handle = await traceExecve([s.proc!.pid, ...others], file);
        traces.add(handle);
        return handle;
      },
      hashTree: (name, hashOpts) => {
        const s = stateOf(name);
        const pathOf = hostOf(name).pathOf;
        return hashTree(s.treeRoot, new Set((hashOpts?.exclude ?? []).map(pathOf)));
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

// Picks a free 127.X.Y.0/24 block and starts every host there; another lab holding the block means another try elsewhere.
async function startAll(
  states: HostState[],
  mounts: readonly string[],
  authorizedKeys: string,
  extra: { overrides?: Record<string, string>; extraMounts: ExtraMount[] },
): Promise<string> {
  for (let attempt = 1; attempt <= MAX_BLOCK_ATTEMPTS; attempt++) {
    const block = randomBlock();
    const addresses = states.map((_, i) => `${block}.${i + 1}`);
    const probes = await Promise.all(addresses.map((a) => probePort(a, LAB_PORT, 500)));
    if (probes.some((p) => p !== 'refused')) continue;
    const started = await Promise.allSettled(
      states.map(async (s, i) => {
        const configFile = path.join(s.dir, 'sshd_config');
        const logFile = path.join(s.dir, 'sshd.log');
        await writeFile(configFile, sshdConfig({ address: addresses[i], port: LAB_PORT, hostKey: s.hostKey, authorizedKeys, overrides: extra.overrides }));
        await writeFile(logFile, '');
        s.proc = await spawnHost({
          address: addresses[i],
          port: LAB_PORT,
          configFile,
          logFile,
          startLogFile: path.join(s.dir, 'start.log'),
          treeRoot: s.treeRoot,
          mounts,
          extraMounts: extra.extraMounts,
        });
      }),
    );
    const failures = started.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (failures.length === 0) return block;
    for (const s of states) {
      if (s.proc) killHostSync(s.proc.pid, s.proc.ns);
      s.proc = undefined;
    }
    const hard = failures.find((f) => !(f instanceof HostStartError && f.addressInUse));
    if (hard) throw hard;
  }
  throw new Error(`no free 127.X.Y.0/24 block found in ${MAX_BLOCK_ATTEMPTS} attempts`);
}

/** The tmpfs and read-only mounts a lab asked for, tmpfs first (a read-only path may lie inside one). */
function extraMountsOf(opts: LabOptions): ExtraMount[] {
  return [
    ...Object.entries(opts.tmpfs ?? {}).map(([p, size]): ExtraMount => ({ kind: 'tmpfs', path: p, size })),
    ...(opts.readOnly ?? []).map((p): ExtraMount => ({ kind: 'ro', path: p })),
  ];
}
