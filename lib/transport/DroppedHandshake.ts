import { FerryError } from '../errors/FerryError.js';

// sshd closed the connection before any login (its MaxStartups reached, or it was restarting): nothing ran on the
// host, so the transport may try again. An UNREACHABLE FerryError like any other when the tries run out.
export class DroppedHandshake extends FerryError {}

/** Whether what ssh2 or the socket raised means the server dropped us before the handshake ended. */
export function droppedBeforeLogin(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; level?: unknown; message?: unknown };
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return true;
  return e.level !== 'client-authentication' && typeof e.message === 'string' && /closed during the handshake|lost before handshake|Exceeded MaxStartups/i.test(e.message);
}
