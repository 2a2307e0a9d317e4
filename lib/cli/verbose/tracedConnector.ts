import type { HostConnector } from '../../engine/RunOptions.js';
import type { ConnectionSpec } from '../../transport/types.js';
import { tracedHost, type TraceLine } from './tracedHost.js';

/** How a connection is made, as -vvv tells it: never the passphrase, only where the key is. */
function describe(spec: ConnectionSpec): string {
  const auth = spec.privateKeyFile ? `key ${spec.privateKeyFile}` : spec.agent ? 'ssh-agent' : 'no key';
  return `SSH ${spec.user}@${spec.address}:${spec.port} (${auth})`;
}

// At -vvv every connection and every host it yields is traced; below that the connector is used as it is.
export function tracedConnector(connector: HostConnector, trace: TraceLine): HostConnector {
  return {
    connect: async (spec) => {
      trace(spec.name, describe(spec));
      return tracedHost(await connector.connect(spec), trace);
    },
    close: () => connector.close(),
  };
}
