import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { Transport, type TransportOptions } from '../../lib/transport/Transport.js';
import type { ConnectionSpec, HostKeyPolicy } from '../../lib/transport/types.js';
import type { Lab, LabHost } from '../support/lab/index.js';

// How the transport specs reach a lab host: its address and the lab's key, as an inventory would give them.
export function specFor(lab: Lab, host: LabHost, user = 'root', extra: Partial<ConnectionSpec> = {}): ConnectionSpec {
  return { name: host.name, address: host.address, port: host.port, user, privateKeyFile: lab.keyFile, ...extra };
}

/** A Transport checking host keys against the lab's known_hosts unless told otherwise. */
export function transportFor(lab: Lab, hostKeys: Partial<HostKeyPolicy> = {}, opts: Partial<TransportOptions> = {}): Transport {
  return new Transport({ ...opts, hostKeys: { knownHostsFile: lab.knownHostsFile, acceptNew: false, ...hostKeys } });
}

/** Logins sshd accepted so far on a host (one per SSH connection). */
export function acceptedLogins(host: LabHost): number {
  return readFileSync(host.logFile, 'utf8').split('\n').filter((l) => l.includes('Accepted publickey')).length;
}

/** The FerryError a promise rejects with; fails the spec if it resolves or throws something else. */
export async function rejection(p: Promise<unknown>): Promise<FerryError> {
  try {
    await p;
  } catch (err) {
    expect(err, String(err)).to.be.instanceOf(FerryError);
    return err as FerryError;
  }
  expect.fail('expected a FerryError');
}
