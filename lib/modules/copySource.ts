import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FerryError } from '../errors/FerryError.js';

// Reads copy's `src` on the controller; a relative path is the playbook's, as in Ansible.
export async function readSource(baseDir: string, src: string): Promise<Buffer> {
  const full = path.resolve(baseDir, src);
  const info = await stat(full).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') {
      throw new FerryError('FILE_NOT_FOUND', `copy: src ${src} does not exist (looked for ${full})`, {}, "a relative src is resolved from the playbook's directory");
    }
    throw new FerryError('MODULE', `copy: cannot read src ${src}: ${err.message}`);
  });
  if (info.isDirectory()) {
    throw new FerryError('MODULE', `copy: src ${src} is a directory`, {}, 'copy one file per task (loop over the files)');
  }
  // A FIFO would block the run and a device never ends: only a regular file is content.
  if (!info.isFile()) throw new FerryError('MODULE', `copy: src ${src} is not a regular file (a device, FIFO or socket)`, {}, 'point src at a file');
  return readFile(full);
}
