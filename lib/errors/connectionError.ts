import { FerryError } from './FerryError.js';

/** Error codes that mean the host went away or would not let ferry in: the host is unreachable, not the task wrong. */
export const CONNECTION_CODES: ReadonlySet<string> = new Set(['UNREACHABLE', 'HOST_KEY', 'AUTH']);

// One test for "this error is about the connection", shared by the engine, the modules that record changes and
// rollback: the error itself when it is one, else undefined.
export function asConnectionError(err: unknown): FerryError | undefined {
  return err instanceof FerryError && CONNECTION_CODES.has(err.code) ? err : undefined;
}
