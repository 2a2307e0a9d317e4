import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// The lab directory must stay visible inside every host (sshd reads its config, keys and log there), so it may not lie under a private mount.
export async function makeLabDir(mounts: readonly string[]): Promise<string> {
  const candidates = [process.env.FERRY_LAB_DIR, os.tmpdir(), '/var/tmp', '/dev/shm'].filter(
    (d): d is string => typeof d === 'string' && d.length > 0,
  );
  const hidden = (dir: string): boolean => mounts.some((m) => dir === m || dir.startsWith(`${m}/`));
  const base = candidates.map((d) => path.resolve(d)).find((d) => !hidden(d));
  if (!base) throw new Error(`no temp directory outside the lab mounts (${mounts.join(', ')}); set FERRY_LAB_DIR`);
  const dir = await mkdtemp(path.join(base, 'ferry-lab-'));
  // The lab user reads authorized_keys here.
  await chmod(dir, 0o755);
  return dir;
}

/** A random 127.X.Y.0/24 block, X and Y in 2..250, so labs running at once rarely collide. */
export function randomBlock(): string {
  const pick = (): number => 2 + Math.floor(Math.random() * 249);
  return `127.${pick()}.${pick()}`;
}
