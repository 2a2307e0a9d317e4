import { FerryError } from '../../errors/FerryError.js';

// A Gitea failure carries no host of its own; the module adds the one it was working for, keeping code, reason and hint.
export function atHost(err: unknown, host: string): unknown {
  if (err instanceof FerryError && err.where.host === undefined && err.where.file === undefined) err.where.host = host;
  return err;
}
