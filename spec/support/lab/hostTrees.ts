import { chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LAB_USER } from './defaultMounts.js';

/** Owner and mode a private tree starts with, so it looks like the directory it hides. */
interface TreeShape {
  uid: number;
  gid: number;
  mode: number;
}

// Keeps each private tree shaped like the real one: /tmp sticky and world-writable, the user's home its own.
function shapeOf(mount: string, user: { uid: number; gid: number }): TreeShape {
  if (mount === '/tmp' || mount === '/var/tmp') return { uid: 0, gid: 0, mode: 0o1777 };
  if (mount === '/root') return { uid: 0, gid: 0, mode: 0o700 };
  if (mount === `/home/${LAB_USER}`) return { ...user, mode: 0o755 };
  return { uid: 0, gid: 0, mode: 0o755 };
}

/** uid/gid of a local account, read from /etc/passwd. */
export function accountIds(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`user ${name} is missing: run bash spec/support/ensure-system.sh`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Mounts ordered parents first, so a nested mount lands on top of its parent's. */
export function sortMounts(mounts: readonly string[]): string[] {
  return [...new Set(mounts.map((m) => path.posix.normalize(m).replace(/\/+$/, '') || '/'))].sort(
    (a, b) => a.length - b.length || a.localeCompare(b),
  );
}

// Maps a remote absolute path to the controller-side file behind it, through the mount that holds it.
export function makePathOf(root: string, mounts: readonly string[]): (remotePath: string) => string {
  return (remotePath: string): string => {
    if (!remotePath.startsWith('/')) throw new Error(`pathOf needs an absolute path, got ${remotePath}`);
    const norm = path.posix.normalize(remotePath);
    const inside = mounts.some((m) => norm === m || norm.startsWith(`${m}/`));
    if (!inside) throw new Error(`${remotePath} is not under any private mount (${mounts.join(', ')})`);
    return path.join(root, norm);
  };
}

/** Creates the private source directory of every mount under `root`, shaped like the real one. */
export async function createTrees(root: string, mounts: readonly string[]): Promise<void> {
  const user = accountIds(LAB_USER);
  await mkdir(root, { recursive: true, mode: 0o755 });
  await chmod(root, 0o755);
  for (const mount of mounts) {
    const dir = path.join(root, mount);
    await mkdir(dir, { recursive: true, mode: 0o755 });
    const shape = shapeOf(mount, user);
    await chown(dir, shape.uid, shape.gid);
    await chmod(dir, shape.mode);
  }
}

/** Writes the initial files of a host through its pathOf. */
export async function placeFiles(pathOf: (p: string) => string, files: Record<string, string>): Promise<void> {
  for (const [remote, content] of Object.entries(files)) {
    const local = pathOf(remote);
    await mkdir(path.dirname(local), { recursive: true, mode: 0o755 });
    await writeFile(local, content, { mode: 0o644 });
  }
}

/** Creates the mount points in the root namespace (empty directories) so the bind mounts have a target. */
export async function ensureMountPoints(mounts: readonly string[]): Promise<void> {
  for (const mount of mounts) await mkdir(mount, { recursive: true, mode: 0o755 });
}
