import { Chalk } from 'chalk';

/** One function per kind of output; identity functions when colour is off. */
export interface Palette {
  ok(s: string): string;
  changed(s: string): string;
  failed(s: string): string;
  skipped(s: string): string;
  pending(s: string): string;
  added(s: string): string;
  removed(s: string): string;
  hunk(s: string): string;
  dim(s: string): string;
}

// Keeps colour choices in one place, with Ansible's meanings (green ok, yellow changed, red failure, cyan skip).
export function paletteFor(color: boolean): Palette {
  const c = new Chalk({ level: color ? 1 : 0 });
  return {
    ok: (s) => c.green(s),
    changed: (s) => c.yellow(s),
    failed: (s) => c.red(s),
    skipped: (s) => c.cyan(s),
    pending: (s) => c.magenta(s),
    added: (s) => c.green(s),
    removed: (s) => c.red(s),
    hunk: (s) => c.cyan(s),
    dim: (s) => c.dim(s),
  };
}
