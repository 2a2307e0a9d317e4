import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';

// One digest over paths, types, modes, owners and contents: two equal digests mean nothing on the host changed.
export async function hashTree(root: string, excluded: ReadonlySet<string> = new Set()): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      const full = path.join(dir, name);
      if (excluded.has(full)) continue;
      const st = await lstat(full);
      const rel = path.relative(root, full);
      hash.update(`${rel}\0${st.mode.toString(8)}\0${st.uid}:${st.gid}\0`);
      if (st.isSymbolicLink()) hash.update(`link\0${await readlink(full)}`);
      else if (st.isFile()) hash.update(createHash('sha256').update(await readFile(full)).digest('hex'));
      hash.update('\n');
      if (st.isDirectory()) await walk(full);
    }
  };
  await walk(root);
  return hash.digest('hex');
}
