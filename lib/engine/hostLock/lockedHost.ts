import { FerryError } from '../../errors/FerryError.js';
import type { ExecRequest, ExecResult, RemoteHost, WriteRequest } from '../../transport/types.js';
import type { HeldLock } from './acquireHostLock.js';

// A host seen through its lock: once the lock is lost (its holder on the host ended) no more work goes there,
// because another run may already be changing it.
export function lockedHost(host: RemoteHost, lock: HeldLock): RemoteHost {
  let lost: FerryError | undefined;
  void lock.lost.then(() => {
    lost = new FerryError('UNREACHABLE', `${host.name} lost its host lock during the run`, { host: host.name }, 'check the host and the network, then run again');
  });
  const guard = (): void => {
    if (lost) throw lost;
  };
  return {
    name: host.name,
    user: host.user,
    exec: async (req: ExecRequest): Promise<ExecResult> => {
      guard();
      return host.exec(req);
    },
    writeFile: async (req: WriteRequest): Promise<void> => {
      guard();
      return host.writeFile(req);
    },
  };
}
