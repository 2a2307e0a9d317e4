import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFerry } from '../support/runFerry.js';

describe('ferry inventory --graph', () => {
  it('draws groups and hosts as ansible-inventory --graph does', async () => {
    const inv = join(mkdtempSync(join(tmpdir(), 'ferry-graph-')), 'inv.yml');
    writeFileSync(inv, 'all:\n  hosts:\n    lone:\n  children:\n    web:\n      hosts:\n        web1:\n        web2:\n    db:\n      hosts:\n        db1:\n');
    const res = await runFerry(['inventory', '-i', inv, '--graph']);
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.equal(['@all:', '  |--@ungrouped:', '  |  |--lone', '  |--@web:', '  |  |--web1', '  |  |--web2', '  |--@db:', '  |  |--db1', ''].join('\n'));
    const limited = await runFerry(['inventory', '-i', inv, '--graph', '--limit', 'web']);
    expect(limited.stdout).not.to.include('db1');
    expect(limited.stdout).to.include('  |  |--web2');
  });
});
