import { expect } from 'chai';
import { fanOut } from '../../lib/report/fanOut.js';
import type { RunListener, RunReport } from '../../lib/report/types.js';

/** A listener that records every event it hears as one line. */
function recorder(log: string[], tag: string): RunListener {
  return {
    playStart: (p) => log.push(`${tag} play ${p.name}`),
    taskStart: (t) => log.push(`${tag} task ${t.name}`),
    hostResult: (t, r) => log.push(`${tag} result ${t.name} ${r.host} ${r.status}`),
    hostUnreachable: (h, why) => log.push(`${tag} unreachable ${h} ${why}`),
    hostRescued: (h) => log.push(`${tag} rescued ${h}`),
    runEnd: (r) => log.push(`${tag} end ${r.exitCode}`),
    verbose: (level, host, m) => log.push(`${tag} v${level} ${host ?? '-'} ${m}`),
  };
}

describe('fanOut', () => {
  it('forwards every event to every listener, in order', () => {
    const log: string[] = [];
    const all = fanOut(recorder(log, 'A'), recorder(log, 'B'));
    const task = { name: 't', module: 'command' };
    const report: RunReport = { ferry: '0', playbook: 'p', check: false, diff: false, started: '', finished: '', exitCode: 4, hosts: {} };
    all.playStart?.({ name: 'p', hosts: ['h'] });
    all.taskStart?.(task);
    all.hostResult?.(task, { host: 'h', status: 'ok' });
    all.hostUnreachable?.('g', 'refused');
    all.hostRescued?.('h');
    all.verbose?.(2, undefined, 'detail');
    all.runEnd?.(report);
    expect(log).to.deep.equal([
      'A play p', 'B play p',
      'A task t', 'B task t',
      'A result t h ok', 'B result t h ok',
      'A unreachable g refused', 'B unreachable g refused',
      'A rescued h', 'B rescued h',
      'A v2 - detail', 'B v2 - detail',
      'A end 4', 'B end 4',
    ]);
  });

  it('skips the events a listener does not handle', () => {
    const log: string[] = [];
    const all = fanOut({ runEnd: (r) => log.push(`end ${r.exitCode}`) }, recorder(log, 'B'));
    all.taskStart?.({ name: 't', module: 'm' });
    expect(log).to.deep.equal(['B task t']);
  });
});
