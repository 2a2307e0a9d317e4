import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the demo's files live under it, in the git-ignored `.ferry/demo/`. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Where the running demo keeps what a tutorial reader points ferry at, by path relative to the repository root. */
export const DEMO_FILES = {
  dir: '.ferry/demo',
  inventory: '.ferry/demo/inventory.yml',
  knownHosts: '.ferry/demo/known_hosts',
  vars: '.ferry/demo/vars.yml',
  env: '.ferry/demo/env.sh',
  pid: '.ferry/demo/pid',
  log: '.ferry/demo/demo.log',
} as const;

// Paths relative to the repository root, for the scripts that run from anywhere inside it.
export function demoPath(name: keyof typeof DEMO_FILES): string {
  return join(REPO_ROOT, DEMO_FILES[name]);
}
