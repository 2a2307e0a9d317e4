import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../lib/report/types.js';
import { startLab, type Lab } from '../support/lab/index.js';
import { readReport, runFerry } from '../support/runFerry.js';

const PLAYBOOK = 'spec/bench/playbooks/shard.yml';

/** What a report says each host did: its counts and every task's status, without timings. */
function outcome(report: RunReport): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(report.hosts).map(([name, h]) => [
      name,
      { ok: h.ok, changed: h.changed, failed: h.failed, skipped: h.skipped, unreachable: h.unreachable, tasks: h.tasks.map((t) => `${t.name}: ${t.status}`) },
    ]),
  );
}

describe('--shard K/N and ferry report merge on real hosts', function () {
  this.timeout(120_000);
  let lab: Lab;
  let work: string;

  before(async () => {
    lab = await startLab({ count: 5 });
    await lab.stopHost('host5');
    work = mkdtempSync(join(tmpdir(), 'ferry-shard-'));
  });
  after(async () => lab?.stop());

  const run = (report: string, ...extra: string[]) =>
    runFerry(['run', PLAYBOOK, '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--report', join(work, report), '--no-retry-file', ...extra]);

  it('merges three shard reports into what the whole run reports: the same statuses per host and task, the same exit code', async () => {
    const whole = await run('whole.json');
    expect(whole.code, whole.stdout + whole.stderr).to.equal(4);
    const shards = await Promise.all([1, 2, 3].map((k) => run(`shard-${k}.json`, '--shard', `${k}/3`)));
    expect(shards.map((s) => s.code)).to.deep.equal([0, 4, 0]);
    expect(shards[0].stdout).to.match(/shard 1\/3: 2 of 5 host\(s\)/);

    // Sorted names dealt round-robin: host1 and host4, host2 (fails) and host5 (down), host3.
    const sliced = shards.map((_, i) => Object.keys(readReport(join(work, `shard-${i + 1}.json`)).hosts).sort());
    expect(sliced).to.deep.equal([['host1', 'host4'], ['host2', 'host5'], ['host3']]);

    const merged = await runFerry(['report', 'merge', ...[1, 2, 3].map((k) => join(work, `shard-${k}.json`)), '-o', join(work, 'merged.json')]);
    expect(merged.code, merged.stderr).to.equal(4);
    const all = readReport(join(work, 'merged.json')) as RunReport;
    const full = readReport(join(work, 'whole.json')) as RunReport;
    expect(outcome(all)).to.deep.equal(outcome(full));
    expect(all.exitCode).to.equal(full.exitCode);
  });

  it('refuses to merge two reports that both worked on a host', async () => {
    await run('a.json', '--limit', 'host1:host2');
    await run('b.json', '--limit', 'host2:host3');
    const merged = await runFerry(['report', 'merge', join(work, 'a.json'), join(work, 'b.json')]);
    expect(merged.code).to.not.equal(0);
    expect(merged.stderr).to.match(/host host2 is in both .*a\.json and .*b\.json/);
    expect(merged.stdout).to.equal('');
  });

  it('runs nothing in a slice without hosts, exits 0 and still writes a report to merge', async () => {
    const empty = await run('empty.json', '--limit', 'host1:host3', '--shard', '3/3');
    expect(empty.code, empty.stdout + empty.stderr).to.equal(0);
    expect(empty.stdout).to.match(/shard 3\/3 holds none of the 2 host\(s\); nothing to run/);
    expect(empty.stdout).not.to.match(/PLAY RECAP/);
    expect(readReport(join(work, 'empty.json')).hosts).to.deep.equal({});
  });
});
