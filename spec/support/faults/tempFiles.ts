import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// Every ferry temp file (`.ferry.*` other than the host lock) under a controller-side tree: what a fault left behind.
export function ferryTempFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const st = statSync(full, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(full);
      else if (name.startsWith('.ferry.') && name !== '.ferry.lock') found.push(path.relative(root, full));
    }
  };
  walk(root);
  return found.sort();
}
