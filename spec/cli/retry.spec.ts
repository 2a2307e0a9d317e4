import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLab, type Lab } from '../support/lab/index.js';
import { readReport, REPO, runFerry } from '../support/runFerry.js';
import { labInventory } from './support/labInventory.js';

const PLAYBOOK = join(REPO, 'spec/cli/playbooks/partly-failing.yml');

describe('retry files: a run with failed or unreachable hosts names them, --limit @FILE runs only them', function () {
  let lab: Lab;
  let inventory: string;
  let work: string;
  before(async () => {
    lab = await startLab({ count: 3 });
    inventory = labInventory(lab, mkdtempSync(join(tmpdir(), 'ferry-retry-inv-')), { unreachable: ['gone'] });
  });
  after(async () => lab?.stop());
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'ferry-retry-'));
  });
  const run = (...extra: string[]) => runFerry(['run', PLAYBOOK, '-i', inventory, '--known-hosts', lab.knownHostsFile, ...extra], { cwd: work });

  it('writes ./<playbook>.retry with the failed and the unreachable host, and says how to use it', async () => {
    const res = await run();
    expect(res.code, res.stdout + res.stderr).to.equal(4);
    const retry = join(work, 'partly-failing.retry');
    const names = readFileSync(retry, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(names.sort()).to.deep.equal(['gone', 'host2']);
    expect(res.stdout).to.include('2 host(s) failed or were unreachable; to run only them again: --limit @partly-failing.retry');

    const report = join(work, 'again.json');
    const again = await run('--limit', '@partly-failing.retry', '--report', report);
    expect(Object.keys(readReport(report).hosts).sort()).to.deep.equal(['gone', 'host2']);
    expect(again.code).to.equal(4);
  });

  it('writes where --retry-file says, and nowhere with --no-retry-file', async () => {
    const custom = join(work, 'custom', '..', 'mine.retry');
    await run('--retry-file', custom);
    expect(readFileSync(custom, 'utf8')).to.match(/^host2$/m);
    const none = await run('--no-retry-file');
    expect(none.stdout).not.to.include('--limit @');
    expect(existsSync(join(work, 'partly-failing.retry'))).to.equal(false);
  });

  it('writes no retry file when every host succeeds', async () => {
    const res = await run('--limit', 'host1,host3');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(existsSync(join(work, 'partly-failing.retry'))).to.equal(false);
    expect(res.stdout).not.to.include('--limit @');
  });
});
