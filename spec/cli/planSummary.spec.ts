import { expect } from 'chai';
import { planSummary } from '../../lib/cli/planSummary.js';
import { retryHosts } from '../../lib/cli/retryFile.js';
import type { HostReport, RunReport, TaskStatus } from '../../lib/report/types.js';

function host(statuses: Array<[string, TaskStatus]>, extra: Partial<HostReport> = {}): HostReport {
  return {
    ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0, pending: 0,
    tasks: statuses.map(([name, status]) => ({ play: 'p', name, module: 'command', status })),
    ...extra,
  };
}

function report(hosts: Record<string, HostReport>): RunReport {
  return { ferry: '0', playbook: 'x.yml', check: true, diff: true, started: '', finished: '', exitCode: 0, hosts };
}

describe('the --plan-only table and the retry list', () => {
  it('puts tasks down and hosts across, a mark per outcome, blank where a task did not run, x for an unreachable host', () => {
    const text = planSummary(
      report({
        web1: host([['Create user', 'changed'], ['Config', 'changed'], ['Config', 'ok']]),
        web2: host([['Config', 'pending']], { unreachable: 0 }),
        db1: host([], { unreachable: 1 }),
      }),
    );
    expect(text.split('\n').slice(1, 6)).to.deep.equal([
      '| # | task        | web1 | web2 | db1 |',
      '|---|-------------|------|------|-----|',
      '| 1 | Create user | ~    |      | x   |',
      '| 2 | Config      | ~    | ?    | x   |',
      '| 3 | Config      | =    |      | x   |',
    ]);
    expect(text).to.include('2 change(s) would be made on 1 of 3 host(s).');
  });

  it('keeps a task run twice under one name as two rows, and a host matched by occurrence', () => {
    const text = planSummary(report({ a: host([['Step', 'changed'], ['Step', 'skipped']]), b: host([['Step', 'ok'], ['Step', 'failed']]) }));
    expect(text).to.match(/^\| 1 \| Step \| ~ \| = \|$/m);
    expect(text).to.match(/^\| 2 \| Step \| - \| ! \|$/m);
  });

  it('turns to hosts down and numbered tasks across when there are many hosts', () => {
    const hosts = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`h${i}`, host([['A', 'changed'], ['B', 'ok']])]));
    const text = planSummary(report(hosts));
    expect(text).to.match(/^ {2}1\. A$/m);
    expect(text).to.match(/^\| host \| 1 \| 2 \|$/m);
    expect(text).to.match(/^\| h9 {3}\| ~ \| = \|$/m);
  });

  it('names the failed and the unreachable hosts for a retry, and nobody else', () => {
    const r = report({ a: host([], { failed: 1 }), b: host([]), c: host([], { unreachable: 1 }), d: host([], { ignored: 1 }) });
    expect(retryHosts(r)).to.deep.equal(['a', 'c']);
  });
});
