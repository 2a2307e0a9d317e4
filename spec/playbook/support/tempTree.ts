import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Files to create: relative path → content. */
export type Tree = Record<string, string>;

const made: string[] = [];

// Specs describe small file trees inline, next to what they expect; this writes one to a fresh temporary directory.
export async function tempTree(tree: Tree): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-loader-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(tree)) {
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

/** Removes every tree made so far (call from an after hook). */
export async function removeTempTrees(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
