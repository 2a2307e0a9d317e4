import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { connectionVarsOf, type ConnectionVars } from '../../lib/inventory/connectionVarsOf.js';

const host = (vars: Record<string, unknown>) => ({ name: 'h1', vars, groups: ['all'] });

// Inventory variables → connection settings.
const table: Array<[string, Record<string, unknown>, ConnectionVars]> = [
  ['nothing set', {}, {}],
  [
    'the ansible_* names',
    {
      ansible_host: '10.0.0.5',
      ansible_port: 2222,
      ansible_user: 'deploy',
      ansible_ssh_private_key_file: '~/.ssh/id',
      ansible_become: true,
      ansible_become_user: 'app',
      ansible_password: 'pw',
    },
    { address: '10.0.0.5', port: 2222, user: 'deploy', privateKeyFile: '~/.ssh/id', become: true, becomeUser: 'app', password: 'pw' },
  ],
  [
    "ferry's short names",
    { ssh_host: 'a.example', ssh_port: 22, ssh_user: 'ops', ssh_key: 'k', become: false },
    { address: 'a.example', port: 22, user: 'ops', privateKeyFile: 'k', become: false },
  ],
  [
    "ferry's names win over the ansible_* aliases",
    { ssh_host: 'mine', ansible_host: 'theirs', ssh_port: 2200, ansible_port: 22, ssh_user: 'me', ansible_user: 'them', become: true, ansible_become: false },
    { address: 'mine', port: 2200, user: 'me', become: true },
  ],
  ['older ansible_ssh_* spellings', { ansible_ssh_host: 'old', ansible_ssh_port: '2022', ansible_ssh_user: 'u', ansible_ssh_pass: 'p' }, { address: 'old', port: 2022, user: 'u', password: 'p' }],
  ['a port written as a string is coerced', { ansible_port: ' 2222 ' }, { port: 2222 }],
  ['become written as yes', { ansible_become: 'yes' }, { become: true }],
  ['become written as "false"', { become: 'false' }, { become: false }],
];

describe('connectionVarsOf', () => {
  for (const [name, vars, want] of table) {
    it(name, () => expect(connectionVarsOf(host(vars))).to.deep.equal(want));
  }

  const bad: Array<[Record<string, unknown>, string]> = [
    [{ ansible_port: 'ssh' }, `host 'h1': ansible_port "ssh" is not a port number (1-65535)`],
    [{ ssh_port: 0 }, "host 'h1': ssh_port 0 is not a port number (1-65535)"],
    [{ ansible_port: 65536 }, "host 'h1': ansible_port 65536 is not a port number (1-65535)"],
    [{ ansible_port: 22.5 }, "host 'h1': ansible_port 22.5 is not a port number (1-65535)"],
    [{ become: 'maybe' }, `host 'h1': become "maybe" is not true or false`],
  ];
  for (const [vars, message] of bad) {
    it(`rejects ${JSON.stringify(vars)} with an INVENTORY error naming the host`, () => {
      let err: FerryError | undefined;
      try {
        connectionVarsOf(host(vars));
      } catch (e) {
        err = e as FerryError;
      }
      expect(err).to.be.instanceOf(FerryError);
      expect([err?.code, err?.message, err?.where.host]).to.deep.equal(['INVENTORY', message, 'h1']);
    });
  }
});
