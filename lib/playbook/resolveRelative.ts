import path from 'node:path';

// Included, imported and vars files are named relative to the file that names them, as in Ansible.
export function resolveRelative(fromFile: string, target: string): string {
  return path.isAbsolute(target) ? target : path.join(path.dirname(fromFile), target);
}
