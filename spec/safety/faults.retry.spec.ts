import { expect } from 'chai';
import { droppedBeforeLogin } from '../../lib/transport/DroppedHandshake.js';

// Only a connection sshd dropped before any login is tried again: nothing ran there, so a retry cannot do anything
// twice. Refusals, timeouts, bad keys and bad host keys are final at once.
describe('faults: which failed handshakes are tried again', function () {
  const table: [string, unknown, boolean][] = [
    ['reset by the peer (MaxStartups)', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), true],
    ['broken pipe while sending the banner', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), true],
    ['ssh2: lost before the handshake', new Error('Connection lost before handshake'), true],
    ['closed before ready', new Error('connection closed during the handshake'), true],
    ['the text sshd sends when it drops', new Error('Exceeded MaxStartups'), true],
    ['nothing listens', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), false],
    ['handshake timed out', Object.assign(new Error('Timed out while waiting for handshake'), { level: 'client-timeout' }), false],
    ['key refused', Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' }), false],
    ['not an error at all', 'boom', false],
    ['null', null, false],
  ];
  for (const [title, err, retried] of table) it(`${title}: ${retried ? 'tried again' : 'final'}`, () => expect(droppedBeforeLogin(err)).to.equal(retried));
});
