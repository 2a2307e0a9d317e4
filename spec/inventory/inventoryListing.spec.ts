import { expect } from 'chai';
import path from 'node:path';
import { inventoryGraph } from '../../lib/inventory/inventoryGraph.js';
import { inventoryListing } from '../../lib/inventory/inventoryListing.js';
import { loadInventory } from '../../lib/inventory/loadInventory.js';
import { isSecretVarName } from '../../lib/inventory/maskSecretVars.js';
import type { Inventory } from '../../lib/inventory/types.js';
import { removeTempTrees, tempTree } from '../playbook/support/tempTree.js';
import { SAMPLE_INVENTORY } from './sample.js';

describe('inventoryListing and inventoryGraph', () => {
  after(removeTempTrees);
  let inv: Inventory;
  before(async () => {
    const dir = await tempTree({ 'hosts.yml': SAMPLE_INVENTORY });
    inv = await loadInventory(path.join(dir, 'hosts.yml'));
  });

  it('lists like ansible-inventory --list: _meta.hostvars, then each group with its own hosts and children', () => {
    const common = { ntp: 'pool.ntp.org' };
    const web = { ...common, http_port: 8080 };
    expect(inventoryListing(inv)).to.deep.equal({
      _meta: {
        hostvars: {
          bastion: { ...common, ansible_host: '10.0.0.1' },
          'web01.example.com': web,
          'web02.example.com': web,
          'web03.example.com': web,
          db1: { ...common, ansible_become_password: '********', db_admin_token: '********', backup: { target: 's3', secret_key: '********' } },
        },
      },
      all: { children: ['ungrouped', 'web', 'db', 'prod'] },
      ungrouped: { hosts: ['bastion'] },
      web: { hosts: ['web01.example.com', 'web02.example.com', 'web03.example.com'], children: ['canary'] },
      canary: { hosts: ['web01.example.com'] },
      db: { hosts: ['db1', 'web03.example.com'] },
      prod: { children: ['web', 'db'] },
    });
  });

  it('never lets a secret value through', () => {
    const text = JSON.stringify(inventoryListing(inv));
    for (const secret of ['hunter2', 't0ken', 'k3y']) expect(text).not.to.include(secret);
  });

  const names: Array<[string, boolean]> = [
    ['ansible_ssh_pass', true],
    ['ansible_become_pass', true],
    ['ansible_become_password', true],
    ['ansible_password', true],
    ['db_passwd', true],
    ['client_secret', true],
    ['GITEA_TOKEN', true],
    ['ansible_ssh_private_key_passphrase', true],
    ['ansible_ssh_private_key_file', false],
    ['ansible_host', false],
    ['passenger_count', false],
    ['compass', false],
  ];
  for (const [name, secret] of names) {
    it(`${name} is ${secret ? '' : 'not '}masked`, () => expect(isSecretVarName(name)).to.equal(secret));
  }

  it('draws like ansible-inventory --graph: children first, then hosts; a group under two parents shows under both', () => {
    expect(inventoryGraph(inv)).to.equal(
      [
        '@all:',
        '  |--@ungrouped:',
        '  |  |--bastion',
        '  |--@web:',
        '  |  |--@canary:',
        '  |  |  |--web01.example.com',
        '  |  |--web01.example.com',
        '  |  |--web02.example.com',
        '  |  |--web03.example.com',
        '  |--@db:',
        '  |  |--db1',
        '  |  |--web03.example.com',
        '  |--@prod:',
        '  |  |--@web:',
        '  |  |  |--@canary:',
        '  |  |  |  |--web01.example.com',
        '  |  |  |--web01.example.com',
        '  |  |  |--web02.example.com',
        '  |  |  |--web03.example.com',
        '  |  |--@db:',
        '  |  |  |--db1',
        '  |  |  |--web03.example.com',
      ].join('\n'),
    );
  });

  it('shows an empty ungrouped group, as Ansible does', async () => {
    const dir = await tempTree({ 'hosts.yml': 'web:\n  hosts:\n    w1:\n' });
    expect(inventoryGraph(await loadInventory(path.join(dir, 'hosts.yml')))).to.equal('@all:\n  |--@ungrouped:\n  |--@web:\n  |  |--w1');
  });
});
