import { FerryError } from '../errors/FerryError.js';
import { atomicWriteScript, formatMode, WRITE_STEP } from './atomicWriteScript.js';
import type { RemoteHost, WriteRequest } from './types.js';

// An atomic whole-file write in one exec round trip, the same over SSH and on the controller; the content goes on stdin.
export async function writeFileByExec(host: Pick<RemoteHost, 'name' | 'exec'>, req: WriteRequest): Promise<void> {
  if (req.mode !== undefined) {
    try {
      formatMode(req.mode);
    } catch {
      throw new FerryError('MODULE', `invalid mode ${req.mode} for ${req.path}`, { host: host.name }, 'give a mode between 0 and 0o7777');
    }
  }
  const script = atomicWriteScript({ path: req.path, mode: req.mode, owner: req.owner, group: req.group });
  const r = await host.exec({ script, stdin: req.content, become: req.become });
  if (r.rc === 0) return;
  const detail = r.stderr.trim().split('\n').filter(Boolean).slice(-2).join('; ') || `rc ${r.rc}`;
  const step = WRITE_STEP[r.rc] ?? 'write';
  throw new FerryError(
    'REMOTE',
    `cannot ${step} for ${req.path}: ${detail}`,
    { host: host.name },
    writeFailureHint(r.stderr, req),
  );
}

// What the host said decides the advice: a full disk and a read-only mount need the operator, not a playbook change.
function writeFailureHint(stderr: string, req: WriteRequest): string {
  if (/No space left on device|Disk quota exceeded/i.test(stderr)) {
    return `the filesystem holding ${req.path} is full: free space there (the original file was left as it was)`;
  }
  if (/Read-only file system/i.test(stderr)) return `${req.path} is on a read-only filesystem: remount it read-write or write elsewhere`;
  return req.become
    ? 'check that the directory exists and the owner and group exist on the host'
    : 'check that the directory exists; a path the login user may not write needs become: true';
}
