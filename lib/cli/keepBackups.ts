import { FerryError } from '../errors/FerryError.js';

// --keep-backups N counts whole runs, this one included: fewer than one would delete the copies a rollback needs.
export function keepBackupsOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new FerryError('USAGE', `--keep-backups must be a whole number of runs, at least 1, got ${String(value)}`, {}, 'e.g. --keep-backups 5 keeps the backups of the 5 newest runs');
  }
  return value;
}
