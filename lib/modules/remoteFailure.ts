import { FerryError } from '../errors/FerryError.js';
import type { ExecResult } from '../transport/types.js';

// A probe or apply script that failed on the host becomes one FerryError naming the host, the step and sh's own words.
export function remoteFailure(host: string, step: string, res: ExecResult): FerryError {
  const said = res.stderr.trim().split('\n').filter(Boolean).slice(-3).join('; ') || `exit status ${res.rc}`;
  const hint = /permission denied|operation not permitted/i.test(said)
    ? 'run the task with become: true, or choose a path the login user may change'
    : undefined;
  return new FerryError('REMOTE', `${step} failed: ${said}`, { host }, hint);
}
