import type { RemoteHost } from '../transport/types.js';

// What a probe sees of its host: every exec marked read-only (no host-side watchdog), and no file writes at all,
// because a probe that changed a host would break check mode's promise.
export function probeHost(host: RemoteHost): RemoteHost {
  return {
    name: host.name,
    user: host.user,
    exec: (req) => host.exec({ ...req, readOnly: true }),
    writeFile: async (req) => {
      throw new Error(`a probe tried to write ${req.path}: probes only read`);
    },
  };
}
