// The transport: one SSH connection per host, exec and atomic writes over it, host keys checked against known_hosts.
export { Transport, type TransportOptions } from './Transport.js';
export { SshHost } from './SshHost.js';
export { connectionSpecFor, resolveConnection, type ConnectionWish, type LocalEnv } from './resolveConnection.js';
export { readSshConfig, sshConfigValues, type SshConfigValues, type SshConfigContext } from './sshConfig.js';
export {
  checkHostKey,
  hashKnownHostName,
  knownHostLine,
  parseKnownHosts,
  type HostKeyVerdict,
  type KnownHostEntry,
} from './knownHosts.js';
export { knownHostName } from './hostPattern.js';
export { defaultKnownHostsFile, KnownHostsStore } from './KnownHostsStore.js';
export { fingerprintOf } from './hostKeyCheck.js';
export { shellQuote } from './shellQuote.js';
export { frameScript } from './framing.js';
export { atomicWriteScript, formatMode } from './atomicWriteScript.js';
export { Semaphore } from './Semaphore.js';
export { TIMEOUT_RC } from './runChannel.js';
export { DroppedHandshake } from './DroppedHandshake.js';
export type { ConnectionSpec, ExecRequest, ExecResult, HeldChannel, HoldRequest, HostKeyPolicy, RemoteHost, WriteRequest } from './types.js';
