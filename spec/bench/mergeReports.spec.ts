import { expect } from 'chai';
import { mergeReports, type NamedReport } from '../../lib/cli/report/mergeReports.js';
import { FerryError } from '../../lib/errors/FerryError.js';
import { EXIT } from '../../lib/report/exitCodes.js';
import type { HostReport, RunReport } from '../../lib/report/types.js';

function host(counts: Partial<HostReport> = {}): HostReport {
  const base = { ok: 1, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0, pending: 0 };
  return { ...base, tasks: [{ play: 'p', name: 't', module: 'command', status: counts.failed ? 'failed' : 'ok' }], ...counts };
}

function report(file: string, hosts: Record<string, HostReport>, extra: Partial<RunReport> = {}): NamedReport {
  const base: RunReport = {
    ferry: '0.1.0',
    playbook: '/srv/ops/site.yml',
    check: false,
    diff: false,
    started: '2026-01-01T10:00:00.000Z',
    finished: '2026-01-01T10:01:00.000Z',
    exitCode: 0,
    hosts,
  };
  return { file, report: { ...base, ...extra } };
}

describe('ferry report merge: the shards of one run as one report', () => {
  const exitCases: Array<[string, NamedReport[], number]> = [
    ['all shards green', [report('a', { h1: host() }), report('b', { h2: host() })], EXIT.OK],
    ['a host failed in one shard', [report('a', { h1: host() }), report('b', { h2: host({ failed: 1 }) }, { exitCode: 2 })], EXIT.FAILED],
    ['unreachable wins over failed', [report('a', { h1: host({ unreachable: 1 }) }, { exitCode: 4 }), report('b', { h2: host({ failed: 1 }) }, { exitCode: 2 })], EXIT.UNREACHABLE],
    ['an interrupted shard wins', [report('a', { h1: host() }, { exitCode: 99 }), report('b', { h2: host({ failed: 1 }) }, { exitCode: 2 })], EXIT.INTERRUPTED],
    ['an empty shard changes nothing', [report('a', {}), report('b', { h2: host({ failed: 1 }) }, { exitCode: 2 })], EXIT.FAILED],
    ["the shards' own codes are not trusted over the hosts", [report('a', { h1: host({ failed: 1 }) }, { exitCode: 0 })], EXIT.FAILED],
  ];
  for (const [title, inputs, code] of exitCases) {
    it(`exit code: ${title} -> ${code}`, () => expect(mergeReports(inputs).exitCode).to.equal(code));
  }

  it("keeps every host's section as its shard wrote it, and spans the run from the first start to the last end", () => {
    const a = report('a', { h1: host({ changed: 2 }), h3: host() }, { started: '2026-01-01T10:00:05.000Z', finished: '2026-01-01T10:02:00.000Z' });
    const b = report('b', { h2: host({ skipped: 1 }) }, { started: '2026-01-01T10:00:01.000Z', finished: '2026-01-01T10:01:30.000Z', diff: true });
    const merged = mergeReports([a, b]);
    expect(Object.keys(merged.hosts).sort()).to.deep.equal(['h1', 'h2', 'h3']);
    expect(merged.hosts.h1).to.deep.equal(a.report.hosts.h1);
    expect(merged.hosts.h2).to.deep.equal(b.report.hosts.h2);
    expect([merged.started, merged.finished]).to.deep.equal(['2026-01-01T10:00:01.000Z', '2026-01-01T10:02:00.000Z']);
    expect(merged.diff).to.equal(true);
  });

  it('keeps a run id only when every shard has the same one', () => {
    expect(mergeReports([report('a', {}, { runId: 'r1' }), report('b', {}, { runId: 'r1' })]).runId).to.equal('r1');
    expect(mergeReports([report('a', {}, { runId: 'r1' }), report('b', {}, { runId: 'r2' })])).not.to.have.property('runId');
  });

  const refusals: Array<[string, NamedReport[], RegExp]> = [
    ['a host in two shards', [report('a.json', { h1: host() }), report('b.json', { h1: host(), h2: host() })], /host h1 is in both a\.json and b\.json/],
    ['a dry run mixed with a real run', [report('a.json', { h1: host() }), report('b.json', { h2: host() }, { check: true })], /b\.json is a dry run \(--check\) but a\.json is a real run/],
    ['nothing at all', [], /nothing to merge/],
  ];
  for (const [title, inputs, message] of refusals) {
    it(`refuses ${title}`, () => {
      expect(() => mergeReports(inputs)).to.throw(FerryError, message).that.satisfies((e: FerryError) => e.code === 'USAGE' && (e.hint ?? '') !== '');
    });
  }
});
