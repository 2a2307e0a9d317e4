import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOSTILE_DIR = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));

/** Bytes of the files that must be "a 50 MB file". */
const HUGE = 50 * 1024 * 1024;

// A working copy of the hostile corpus with the inputs git cannot hold: 50 MB files, FIFOs, symlink loops, a link to a
// device that never ends, lists nested 20000 deep.
export function hostileCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-hostile-'));
  cpSync(HOSTILE_DIR, dir, { recursive: true });
  const at = (p: string) => join(dir, p);
  symlinkSync('loop-b.yml', at('parts/symlink-loop.yml'));
  symlinkSync('symlink-loop.yml', at('parts/loop-b.yml'));
  symlinkSync('task-loop-b.yml', at('parts/task-loop.yml'));
  symlinkSync('task-loop.yml', at('parts/task-loop-b.yml'));
  symlinkSync('loop-playbook-b.yml', at('loop-playbook.yml'));
  symlinkSync('loop-playbook.yml', at('loop-playbook-b.yml'));
  symlinkSync('/dev/zero', at('parts/dev-zero.yml'));
  execFileSync('mkfifo', [at('parts/fifo.yml')]);
  const filler = (head: string) => head + `# ${'x'.repeat(HUGE)}\n`;
  writeFileSync(at('huge.yml'), filler('- hosts: all\n  tasks:\n    - debug: { msg: hello }\n'));
  writeFileSync(at('parts/huge-vars.yml'), filler('a: 1\n'));
  writeFileSync(at('huge-inventory.yml'), filler('all:\n  hosts:\n    target: { ansible_host: 127.0.0.1, ansible_port: 1 }\n'));
  writeFileSync(at('deep-nesting.yml'), `- hosts: all\n  vars:\n    x: ${'['.repeat(20000)}${']'.repeat(20000)}\n  tasks:\n    - debug: { var: x }\n`);
  return dir;
}
