import { expect } from 'chai';
import path from 'node:path';
import { loadInventory } from '../../lib/inventory/loadInventory.js';
import type { Inventory } from '../../lib/inventory/types.js';
import { removeTempTrees, tempTree } from '../playbook/support/tempTree.js';
import { SAMPLE_INVENTORY } from './sample.js';

async function load(text: string): Promise<Inventory> {
  const dir = await tempTree({ 'hosts.yml': text });
  return loadInventory(path.join(dir, 'hosts.yml'));
}

describe('loadInventory', () => {
  after(removeTempTrees);
  let inv: Inventory;
  before(async () => {
    inv = await load(SAMPLE_INVENTORY);
  });

  it('lists hosts once each, in the order first written, ranges expanded', () => {
    expect([...inv.hosts.keys()]).to.deep.equal(['bastion', 'web01.example.com', 'web02.example.com', 'web03.example.com', 'db1']);
  });

  it('gives every group its direct children and all hosts below it', () => {
    const shape = Object.fromEntries([...inv.groups.values()].map((g) => [g.name, { children: g.children, hosts: g.hosts, direct: g.directHosts }]));
    expect(shape).to.deep.equal({
      all: { children: ['ungrouped', 'web', 'db', 'prod'], hosts: [...inv.hosts.keys()], direct: ['bastion'] },
      ungrouped: { children: [], hosts: ['bastion'], direct: ['bastion'] },
      web: { children: ['canary'], hosts: ['web01.example.com', 'web02.example.com', 'web03.example.com'], direct: ['web01.example.com', 'web02.example.com', 'web03.example.com'] },
      canary: { children: [], hosts: ['web01.example.com'], direct: ['web01.example.com'] },
      db: { children: [], hosts: ['web03.example.com', 'db1'], direct: ['db1', 'web03.example.com'] },
      prod: { children: ['web', 'db'], hosts: ['web01.example.com', 'web02.example.com', 'web03.example.com', 'db1'], direct: [] },
    });
  });

  it('gives each host every group it is in, all first, then shallow to deep', () => {
    expect(inv.hosts.get('web01.example.com')?.groups).to.deep.equal(['all', 'prod', 'web', 'canary']);
    expect(inv.hosts.get('web03.example.com')?.groups).to.deep.equal(['all', 'prod', 'db', 'web']);
    expect(inv.hosts.get('bastion')?.groups).to.deep.equal(['all', 'ungrouped']);
  });

  it('merges group and host variables into each host', () => {
    expect(inv.hosts.get('web02.example.com')?.vars).to.deep.equal({ ntp: 'pool.ntp.org', http_port: 8080 });
    expect(inv.hosts.get('bastion')?.vars).to.deep.equal({ ntp: 'pool.ntp.org', ansible_host: '10.0.0.1' });
    expect(inv.groups.get('web')?.vars).to.deep.equal({ http_port: 8080 });
  });

  const shapes: Array<[string, string, Record<string, Record<string, unknown>>]> = [
    ['top-level groups without all:', 'web:\n  hosts:\n    w1:\n', { w1: {} }],
    ['hosts: as a single name', 'all:\n  hosts: solo\n', { solo: {} }],
    ['a host listed twice keeps both sets of variables, the later winning', 'a:\n  hosts:\n    h: { x: 1, y: 1 }\nb:\n  hosts:\n    h: { y: 2 }\n', { h: { x: 1, y: 2 } }],
    ['name:port sets ansible_port', 'all:\n  hosts:\n    h:2222:\n', { h: { ansible_port: 2222 } }],
    ['letter ranges and zero-padded steps', 'all:\n  hosts:\n    db-[a:b]:\n    n[08:12:2]:\n', { 'db-a': {}, 'db-b': {}, n08: {}, n10: {}, n12: {} }],
    ['empty groups and empty sections', 'all:\n  children:\n    empty:\n    nothing:\n      hosts:\n      vars:\n  hosts:\n    h:\n', { h: {} }],
  ];
  for (const [name, text, hosts] of shapes) {
    it(`accepts ${name}`, async () => {
      const loaded = await load(text);
      expect(Object.fromEntries([...loaded.hosts.values()].map((h) => [h.name, h.vars]))).to.deep.equal(hosts);
    });
  }
});
