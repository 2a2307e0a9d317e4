import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { unreachableReason } from '../../lib/transport/unreachableReason.js';
import type { ConnectionSpec } from '../../lib/transport/types.js';

const spec: ConnectionSpec = { name: 'web1', address: '10.0.0.5', port: 2222, user: 'deploy', privateKeyFile: '/keys/id', connectTimeout: 7 };

/** An error shaped as ssh2 or node's socket layer makes them. */
function sshError(message: string, extra: Record<string, unknown>): Error {
  return Object.assign(new Error(message), extra);
}

describe('unreachableReason: one line that says what happened and what to do', function () {
  const table: { title: string; err: unknown; code: string; message: RegExp; hint: RegExp }[] = [
    { title: 'refused', err: sshError('connect ECONNREFUSED', { code: 'ECONNREFUSED', level: 'client-socket' }), code: 'UNREACHABLE', message: /10\.0\.0\.5:2222 refused/, hint: /sshd running/ },
    { title: 'TCP timeout', err: sshError('connect ETIMEDOUT', { code: 'ETIMEDOUT' }), code: 'UNREACHABLE', message: /timed out/, hint: /firewall/ },
    { title: 'no route', err: sshError('connect EHOSTUNREACH', { code: 'EHOSTUNREACH' }), code: 'UNREACHABLE', message: /no route/, hint: /network/ },
    { title: 'name not found', err: sshError('getaddrinfo ENOTFOUND', { code: 'ENOTFOUND', level: 'client-dns' }), code: 'UNREACHABLE', message: /cannot resolve 10\.0\.0\.5/, hint: /ansible_host/ },
    { title: 'handshake timeout', err: sshError('Timed out while waiting for handshake', { level: 'client-timeout' }), code: 'UNREACHABLE', message: /within 7s/, hint: /connect timeout/ },
    { title: 'reset', err: sshError('read ECONNRESET', { code: 'ECONNRESET' }), code: 'UNREACHABLE', message: /closed the connection/, hint: /MaxStartups/ },
    { title: 'auth', err: sshError('All configured authentication methods failed', { level: 'client-authentication' }), code: 'AUTH', message: /as deploy .* failed \(tried key \/keys\/id\)/, hint: /authorized_keys/ },
    { title: 'anything else', err: sshError('weird\nsecond line', {}), code: 'UNREACHABLE', message: /^cannot connect to 10\.0\.0\.5:2222: weird$/, hint: /SSH server/ },
  ];
  for (const row of table) {
    it(`${row.title} → ${row.code}`, () => {
      const e = unreachableReason(row.err, spec);
      expect(e).to.be.instanceOf(FerryError);
      expect(e.code).to.equal(row.code);
      expect(e.where).to.deep.equal({ host: 'web1' });
      expect(e.message).to.match(row.message);
      expect(e.hint).to.match(row.hint);
      expect(e.format()).to.not.include('\n');
    });
  }

  it('passes a FerryError through as it is', function () {
    const own = new FerryError('HOST_KEY', 'x', { host: 'web1' });
    expect(unreachableReason(own, spec)).to.equal(own);
  });
});
