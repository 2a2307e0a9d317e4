import { createHash } from 'node:crypto';
import { FerryError } from '../errors/FerryError.js';
import { knownHostName } from './hostPattern.js';
import { keyTypeOf } from './knownHosts.js';
import type { KnownHostsStore } from './KnownHostsStore.js';
import type { ConnectionSpec, HostKeyPolicy } from './types.js';

/** The ssh2 host verifier of one connection, and why it refused, if it did. */
export interface HostKeyCheck {
  verifier: (key: Buffer, verify: (ok: boolean) => void) => void;
  failure(): FerryError | undefined;
}

/** `ssh-ed25519 SHA256:…`, the fingerprint ssh shows: public, and enough to compare keys by eye. */
export function fingerprintOf(key: Buffer): string {
  const digest = createHash('sha256').update(key).digest('base64').replace(/=+$/, '');
  return `${keyTypeOf(key)} SHA256:${digest}`;
}

// Host keys fail closed: only a key on record is trusted, a new one only with acceptNew, a changed or revoked one never.
export function hostKeyCheck(store: KnownHostsStore, policy: HostKeyPolicy, spec: ConnectionSpec): HostKeyCheck {
  let failure: FerryError | undefined;
  const name = knownHostName(spec.address, spec.port);
  const where = { host: spec.name };
  const fail = (message: string, hint: string): false => {
    failure = new FerryError('HOST_KEY', message, where, hint);
    return false;
  };
  const decide = async (key: Buffer): Promise<boolean> => {
    const verdict = await store.check(spec.address, spec.port, key);
    const fp = fingerprintOf(key);
    switch (verdict.kind) {
      case 'trusted':
        return true;
      case 'revoked':
        return fail(
          `host key of ${name} (${fp}) is marked @revoked in ${store.file} line ${verdict.line}`,
          'do not connect until the host has a new key',
        );
      case 'changed':
        return fail(
          `host key of ${name} (${fp}) differs from ${store.file} line ${verdict.line}: possible man-in-the-middle attack`,
          `if the host was really reinstalled, check its new key and remove the old one with: ssh-keygen -f ${store.file} -R '${name}'`,
        );
      case 'unknown':
        if (!policy.acceptNew) {
          return fail(
            `host key of ${name} (${fp}) is not in ${store.file}`,
            `check the fingerprint, then add it with: ssh-keyscan -p ${spec.port} ${spec.address} >> ${store.file} (or run with --accept-new-host-keys)`,
          );
        }
        await store.record(spec.address, spec.port, key);
        return true;
    }
  };
  return {
    verifier: (key, verify) => {
      decide(key).then(verify, (err: unknown) => {
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
        verify(fail(`cannot check the host key of ${name}: ${why}`, `check that ${store.file} is readable and writable`));
      });
    },
    failure: () => failure,
  };
}
