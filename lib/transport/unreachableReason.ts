import { FerryError } from '../errors/FerryError.js';
import type { ConnectionSpec } from './types.js';

/** The parts of an ssh2 or socket error that say what went wrong. */
interface ConnectFailure {
  code?: string | number;
  level?: string;
  message?: string;
}

// Turns whatever ssh2 or the socket threw into one line that says what happened and what to do, never a stack.
export function unreachableReason(err: unknown, spec: ConnectionSpec): FerryError {
  if (err instanceof FerryError) return err;
  const e: ConnectFailure = typeof err === 'object' && err !== null ? (err as ConnectFailure) : { message: String(err) };
  const where = { host: spec.name };
  const target = `${spec.address}:${spec.port}`;
  const seconds = spec.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT;
  if (e.level === 'client-authentication') {
    const via = spec.privateKeyFile ? `key ${spec.privateKeyFile}` : spec.agent ? 'the ssh agent' : 'no key';
    return new FerryError(
      'AUTH',
      `authentication as ${spec.user} on ${target} failed (tried ${via})`,
      where,
      `check ansible_user and ansible_ssh_private_key_file, and that the public key is in ${spec.user}'s authorized_keys there`,
    );
  }
  const unreachable = (what: string, hint: string): FerryError => new FerryError('UNREACHABLE', what, where, hint);
  switch (e.code) {
    case 'ECONNREFUSED':
      return unreachable(`connection to ${target} refused`, `is sshd running on ${spec.address} and listening on port ${spec.port}?`);
    case 'ETIMEDOUT':
      return unreachable(`connecting to ${target} timed out`, 'check the address, the port and any firewall in between');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return unreachable(`no route to ${target}`, 'check the address and the network between this machine and the host');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return unreachable(`cannot resolve ${spec.address}`, 'check the host name, or set ansible_host to an address');
    case 'ECONNRESET':
    case 'EPIPE':
      return unreachable(`${target} closed the connection during the handshake`, 'check sshd on the host (its MaxStartups, its log)');
  }
  if (e.level === 'client-timeout' || /timed out/i.test(e.message ?? '')) {
    return unreachable(
      `no SSH handshake from ${target} within ${seconds}s`,
      'is the host overloaded or the port not sshd? raise the connect timeout if it is just slow',
    );
  }
  const detail = oneLine(e.message ?? 'unknown error');
  return unreachable(`cannot connect to ${target}: ${detail}`, 'check that the host runs an SSH server on that port');
}

/** Seconds to wait for TCP connect plus SSH handshake when the spec does not say. */
export const DEFAULT_CONNECT_TIMEOUT = 20;

function oneLine(text: string): string {
  return text.split('\n')[0].slice(0, 200);
}
