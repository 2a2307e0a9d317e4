import { expect } from 'chai';
import { ReportCollector } from '../../lib/report/ReportCollector.js';
import { EXIT } from '../../lib/report/exitCodes.js';
import { recapOf } from '../../lib/report/recapOf.js';

const header = { ferry: '0.1.0', playbook: 'playbooks/rotate.yml', check: true, diff: false, started: '2024-05-01T10:00:00.000Z' };
const write = { name: 'Write token file', module: 'token_file' };
const loop = { name: 'Run crons', module: 'cron_script' };

/** Two plays, every status, a loop (one aggregate result), an ignored failure and an unreachable host. */
function collect(): ReportCollector {
  const c = new ReportCollector(header);
  c.playStart({ name: 'Mint', hosts: ['a', 'b', 'c'] });
  c.hostResult(write, { host: 'a', status: 'changed', changes: ['create /t'], diff: '--- before: /t\n', ms: 12 });
  c.hostResult(write, { host: 'b', status: 'ok', ms: 3 });
  c.hostUnreachable('c', 'connection refused');
  c.playStart({ name: 'Prove', hosts: ['a', 'b', 'd'] });
  c.hostResult(loop, {
    host: 'a',
    status: 'failed',
    msg: 'one or more items failed: rc=1',
    ignored: true,
    items: [
      { host: 'a', status: 'ok', item: 'backup' },
      { host: 'a', status: 'failed', item: 'sync', msg: 'rc=1' },
    ],
  });
  c.hostResult(loop, { host: 'b', status: 'failed', msg: 'rc=2' });
  c.hostResult(loop, { host: 'b', status: 'skipped', msg: 'when was false' });
  c.hostResult(loop, { host: 'a', status: 'pending', msg: 'waits on /t' });
  return c;
}

describe('ReportCollector', () => {
  it('counts each host’s results like Ansible’s recap', () => {
    const r = collect().finish();
    expect(recapOf(r.hosts.a)).to.deep.equal({ ok: 1, changed: 1, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 1, pending: 1 });
    expect(recapOf(r.hosts.b)).to.deep.equal({ ok: 1, changed: 0, unreachable: 0, failed: 1, skipped: 1, rescued: 0, ignored: 0, pending: 0 });
    expect(recapOf(r.hosts.c)).to.deep.equal({ ok: 0, changed: 0, unreachable: 1, failed: 0, skipped: 0, rescued: 0, ignored: 0, pending: 0 });
  });

  it('lists every host of every play, even one with no result', () => {
    expect(Object.keys(collect().finish().hosts).sort()).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('records why a host was unreachable, and counts it once', () => {
    const c = collect();
    c.hostUnreachable('c', 'timed out');
    const r = c.finish();
    expect(r.hosts.c.unreachable).to.equal(1);
    expect(r.hosts.c.unreachableReason).to.equal('timed out');
    expect(r.hosts.a.unreachableReason).to.equal(undefined);
  });

  it('keeps each host’s tasks in order, with play, name, module and the result fields', () => {
    const r = collect().finish();
    expect(r.hosts.a.tasks).to.deep.equal([
      { play: 'Mint', name: 'Write token file', module: 'token_file', status: 'changed', changes: ['create /t'], diff: '--- before: /t\n', ms: 12 },
      {
        play: 'Prove',
        name: 'Run crons',
        module: 'cron_script',
        status: 'failed',
        msg: 'one or more items failed: rc=1',
        ignored: true,
        items: [
          { host: 'a', status: 'ok', item: 'backup' },
          { host: 'a', status: 'failed', item: 'sync', msg: 'rc=1' },
        ],
      },
      { play: 'Prove', name: 'Run crons', module: 'cron_script', status: 'pending', msg: 'waits on /t' },
    ]);
    expect(r.hosts.a.tasks[0]).not.to.have.property('host');
  });

  it('carries the header, timestamps and an exit code derived from the counts', () => {
    const r = collect().finish(undefined, new Date('2024-05-01T10:00:05.000Z'));
    expect(r).to.include({ ferry: '0.1.0', playbook: 'playbooks/rotate.yml', check: true, diff: false });
    expect(r.started).to.equal('2024-05-01T10:00:00.000Z');
    expect(r.finished).to.equal('2024-05-01T10:00:05.000Z');
    expect(r.exitCode).to.equal(EXIT.UNREACHABLE);
  });

  it('uses the exit code it is given (an interrupted run)', () => {
    expect(collect().finish(EXIT.INTERRUPTED).exitCode).to.equal(EXIT.INTERRUPTED);
  });

  it('derives 2 when a host failed and none was unreachable, 0 when all went well', () => {
    const failed = new ReportCollector(header);
    failed.hostResult(write, { host: 'a', status: 'failed' });
    expect(failed.finish().exitCode).to.equal(EXIT.FAILED);
    const fine = new ReportCollector(header);
    fine.hostResult(write, { host: 'a', status: 'failed', ignored: true });
    expect(fine.finish().exitCode).to.equal(EXIT.OK);
  });

  it('counts a rescued failure as rescued, not failed, so the run exits 0', () => {
    const c = new ReportCollector(header);
    c.playStart({ name: 'p', hosts: ['a'] });
    c.hostResult(write, { host: 'a', status: 'failed', msg: 'rc=1' });
    c.hostResult(loop, { host: 'a', status: 'changed' });
    c.hostRescued('a');
    const r = c.finish();
    expect(recapOf(r.hosts.a)).to.include({ failed: 0, rescued: 1, ok: 1, changed: 1 });
    expect(r.exitCode).to.equal(EXIT.OK);
  });

  it('returns a snapshot that later events do not change', () => {
    const c = collect();
    const first = c.finish();
    c.hostResult(write, { host: 'a', status: 'changed' });
    expect(first.hosts.a.changed).to.equal(1);
    expect(c.finish().hosts.a.changed).to.equal(2);
  });
});
