import { expect } from 'chai';
import path from 'node:path';
import { loadInventory } from '../../lib/inventory/loadInventory.js';
import { removeTempTrees, tempTree, type Tree } from '../playbook/support/tempTree.js';

/** Every place a variable of host h1 (in group child, inside group parent) can come from. */
type Source =
  | 'all-file' | 'parent-file' | 'child-file' | 'host-file'
  | 'gv-all-inv' | 'gv-all-pb' | 'gv-parent-inv' | 'gv-parent-pb' | 'gv-child-inv' | 'gv-child-pb'
  | 'hv-inv' | 'hv-pb';

const FILES: Partial<Record<Source, string>> = {
  'gv-all-inv': 'inv/group_vars/all.yml',
  'gv-all-pb': 'pb/group_vars/all.yml',
  'gv-parent-inv': 'inv/group_vars/parent.yml',
  'gv-parent-pb': 'pb/group_vars/parent.yml',
  'gv-child-inv': 'inv/group_vars/child.yml',
  'gv-child-pb': 'pb/group_vars/child.yml',
  'hv-inv': 'inv/host_vars/h1.yml',
  'hv-pb': 'pb/host_vars/h1.yml',
};

/** An inventory and vars files where each chosen source sets v to its own name. */
function treeWith(sources: readonly Source[]): Tree {
  const inline = (s: Source, indent: string) => (sources.includes(s) ? `\n${indent}vars: { v: ${s} }` : '');
  const host = sources.includes('host-file') ? '{ v: host-file }' : '';
  const tree: Tree = {
    'inv/hosts.yml': `all:${inline('all-file', '  ')}
  children:
    parent:${inline('parent-file', '      ')}
      children:
        child:${inline('child-file', '          ')}
          hosts:
            h1: ${host}
`,
  };
  for (const s of sources) if (FILES[s]) tree[FILES[s]] = `v: ${s}\n`;
  return tree;
}

async function winner(sources: readonly Source[]): Promise<unknown> {
  const dir = await tempTree(treeWith(sources));
  const inv = await loadInventory(path.join(dir, 'inv/hosts.yml'), { playbookDir: path.join(dir, 'pb') });
  return inv.hosts.get('h1')?.vars.v;
}

// Lowest first: each pair's second source must win over its first, and the first must be read when alone.
const pairs: Array<[Source, Source]> = [
  ['all-file', 'parent-file'],
  ['parent-file', 'child-file'],
  // Ansible's VARIABLE_PRECEDENCE: every inline group var (all_inventory, groups_inventory) loses to group_vars/all files.
  ['child-file', 'gv-all-inv'],
  ['gv-all-inv', 'gv-all-pb'],
  ['gv-all-pb', 'gv-parent-inv'],
  ['gv-parent-inv', 'gv-child-inv'],
  ['gv-child-inv', 'gv-child-pb'],
  // The playbook's group_vars are read after all of the inventory's, whatever the depth.
  ['gv-child-inv', 'gv-parent-pb'],
  ['gv-parent-pb', 'gv-child-pb'],
  ['gv-child-pb', 'host-file'],
  ['host-file', 'hv-inv'],
  ['hv-inv', 'hv-pb'],
];

describe('inventory variable precedence', () => {
  after(removeTempTrees);

  for (const [low, high] of pairs) {
    it(`${high} wins over ${low}`, async () => {
      expect(await winner([low])).to.equal(low);
      expect(await winner([low, high])).to.equal(high);
    });
  }

  it('ranks every source in one inventory: host_vars beside the playbook wins', async () => {
    const all = [...new Set(pairs.flat())];
    expect(await winner(all)).to.equal('hv-pb');
  });

  const siblings = (priority: string) => `all:
  children:
    beta:
      vars: { v: beta }
      hosts: { h1: }
    alpha:
      vars: { v: alpha${priority} }
      hosts: { h1: }
`;

  it('siblings of equal depth merge by name: beta wins over alpha', async () => {
    const dir = await tempTree({ 'hosts.yml': siblings('') });
    expect((await loadInventory(path.join(dir, 'hosts.yml'))).hosts.get('h1')?.vars.v).to.equal('beta');
  });

  it('ansible_group_priority outranks the name order, and is not itself a variable', async () => {
    const dir = await tempTree({ 'hosts.yml': siblings(', ansible_group_priority: 5') });
    const h1 = (await loadInventory(path.join(dir, 'hosts.yml'))).hosts.get('h1');
    expect(h1?.vars.v).to.equal('alpha');
    expect(h1?.vars).not.to.have.property('ansible_group_priority');
  });

  const forms: Array<[string, Tree]> = [
    ['group_vars/web.yml', { 'group_vars/web.yml': 'v: yml\n' }],
    ['group_vars/web.yaml', { 'group_vars/web.yaml': 'v: yaml\n' }],
    ['group_vars/web.json', { 'group_vars/web.json': '{ "v": "json" }\n' }],
    ['group_vars/web (no extension)', { 'group_vars/web': 'v: bare\n' }],
    ['group_vars/web/ (a directory, files in name order)', { 'group_vars/web/10-b.yml': 'v: second\n', 'group_vars/web/02-a.yml': 'v: first\nw: kept\n' }],
  ];
  const expected = ['yml', 'yaml', 'json', 'bare', 'second'];
  forms.forEach(([name, files], i) => {
    it(`reads ${name}`, async () => {
      const dir = await tempTree({ 'hosts.yml': 'web:\n  hosts:\n    h1:\n', ...files });
      const vars = (await loadInventory(path.join(dir, 'hosts.yml'))).hosts.get('h1')?.vars;
      expect(vars?.v).to.equal(expected[i]);
      if (i === 4) expect(vars?.w).to.equal('kept');
    });
  });
});
