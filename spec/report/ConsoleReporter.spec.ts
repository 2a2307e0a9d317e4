import { expect } from 'chai';
import type { ConsoleReporter } from '../../lib/report/ConsoleReporter.js';
import { ReportCollector } from '../../lib/report/ReportCollector.js';
import { fanOut } from '../../lib/report/fanOut.js';
import type { RunListener } from '../../lib/report/types.js';
import { capture } from './captureConsole.js';

const write = { name: 'Write token file', module: 'token_file' };

/** The run from the Ansible-shaped example: every kind of line once. */
function script(listener: RunListener): void {
  const collector = new ReportCollector({ ferry: '0.1.0', playbook: 'p.yml', check: false, diff: false, started: '2024-01-01T00:00:00.000Z' });
  const both = fanOut(listener, collector);
  both.playStart?.({ name: 'Rotate ops persona', hosts: ['host1', 'host2', 'host3', 'host4', 'host5', 'host6'] });
  both.taskStart?.(write);
  both.hostResult?.(write, { host: 'host1', status: 'changed', msg: 'written', changes: ['mode 0600'] });
  both.hostResult?.(write, { host: 'host2', status: 'ok' });
  both.hostResult?.(write, { host: 'host3', status: 'failed', msg: 'non-zero return code' });
  both.hostUnreachable?.('host4', 'connection refused (is sshd running on 127.0.0.4:22?)');
  both.hostResult?.(write, { host: 'host5', status: 'skipped', msg: 'skipped, since /x exists' });
  both.hostResult?.(write, { host: 'host6', status: 'pending', msg: 'depends on a change not yet made (check mode)' });
  both.runEnd?.(collector.finish(undefined, '2024-01-01T00:00:01.000Z'));
}

const EXPECTED = [
  '',
  'PLAY [Rotate ops persona] ******************************************************',
  '',
  'TASK [Write token file] ********************************************************',
  'changed: [host1]',
  'ok: [host2]',
  'failed: [host3] => non-zero return code',
  'fatal: [host4]: UNREACHABLE! => connection refused (is sshd running on 127.0.0.4:22?)',
  'skipped: [host5] => skipped, since /x exists',
  'pending: [host6] => depends on a change not yet made (check mode)',
  '',
  'PLAY RECAP *********************************************************************',
  'host1                      : ok=1    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0',
  'host2                      : ok=1    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0',
  'host3                      : ok=0    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0',
  'host4                      : ok=0    changed=0    unreachable=1    failed=0    skipped=0    rescued=0    ignored=0',
  'host5                      : ok=0    changed=0    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0',
  'host6                      : ok=0    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0    pending=1',
  '',
  '',
].join('\n');

describe('ConsoleReporter', () => {
  it('prints a scripted run exactly as ansible-playbook would (colour off)', () => {
    const { reporter, text } = capture();
    script(reporter);
    expect(text()).to.equal(EXPECTED);
  });

  it('pads every banner with stars to 80 columns', () => {
    const { reporter, text } = capture();
    script(reporter);
    const banners = text().split('\n').filter((l) => l.endsWith('***'));
    expect(banners).to.have.length(3);
    for (const b of banners) expect(b).to.have.length(80);
  });

  it('writes each result as it arrives, one write per event', () => {
    const { reporter, writes } = capture();
    reporter.taskStart(write);
    reporter.hostResult(write, { host: 'b', status: 'ok' });
    expect(writes.at(-1)).to.equal('ok: [b]\n');
    reporter.hostResult(write, { host: 'a', status: 'changed' });
    expect(writes.at(-1)).to.equal('changed: [a]\n');
  });

  it('with colour on, paints changed yellow, failed and unreachable red, and the recap counts', () => {
    const { reporter, text } = capture({ color: true });
    script(reporter);
    const out = text();
    expect(out).to.include('\u001b[33mchanged: [host1]\u001b[39m');
    expect(out).to.include('\u001b[31mfailed: [host3] => non-zero return code\u001b[39m');
    expect(out).to.include('\u001b[31mfatal: [host4]: UNREACHABLE!');
    expect(out).to.include('\u001b[32mok: [host2]\u001b[39m');
    expect(out).to.include('\u001b[36mskipped: [host5]');
    expect(out).to.include('\u001b[35mpending: [host6]');
    expect(out).to.include('\u001b[33mchanged=1\u001b[39m');
    expect(out).to.include('\u001b[31mfailed=1\u001b[39m');
    // Zero counts stay plain.
    expect(out).to.include(' changed=0    ');
  });

  it('marks the play in check mode', () => {
    const { reporter, text } = capture({ check: true });
    reporter.playStart({ name: 'Rotate', hosts: ['h'] });
    expect(text()).to.equal('\nPLAY [Rotate] [CHECK MODE] *****************************************************\n');
  });

  it('names a play without a name by its hosts, and a handler as RUNNING HANDLER', () => {
    const { reporter, text } = capture();
    reporter.playStart({ name: '', hosts: ['a', 'b'] });
    reporter.taskStart({ name: 'reload cron', module: 'command', handler: true });
    expect(text()).to.match(/^\nPLAY \[a,b\] \*+\n\nRUNNING HANDLER \[reload cron\] \*+\n$/);
  });

  const lines: Array<[string, Parameters<ConsoleReporter['hostResult']>[1], string]> = [
    ['item', { host: 'host1', status: 'changed', item: 'label' }, 'changed: [host1] => (item=label)\n'],
    ['delegate', { host: 'host1', status: 'changed', delegatedTo: 'localhost' }, 'changed: [host1 -> localhost]\n'],
    ['delegate with item', { host: 'h', status: 'ok', delegatedTo: 'localhost', item: 'x' }, 'ok: [h -> localhost] => (item=x)\n'],
    ['failed item', { host: 'h', status: 'failed', item: 'x', msg: 'boom' }, 'failed: [h] (item=x) => boom\n'],
    ['ignored failure', { host: 'h', status: 'failed', msg: 'rc=1', ignored: true }, 'failed: [h] => rc=1\n...ignoring\n'],
    ['ok hides its message at -v0', { host: 'h', status: 'ok', msg: 'already there' }, 'ok: [h]\n'],
    ['skipped without a reason', { host: 'h', status: 'skipped' }, 'skipped: [h]\n'],
  ];
  for (const [label, result, expected] of lines) {
    it(`prints a result line: ${label}`, () => {
      const { reporter, writes } = capture();
      reporter.taskStart(write);
      reporter.hostResult(write, result);
      expect(writes.at(-1)).to.equal(expected);
    });
  }

  it('shows an ok message at -v', () => {
    const { reporter, writes } = capture({ verbosity: 1 });
    reporter.taskStart(write);
    reporter.hostResult(write, { host: 'h', status: 'ok', msg: 'already there' });
    expect(writes.at(-1)).to.equal('ok: [h] => already there\n');
  });

  it('re-announces a task whose results arrive after the next task started', () => {
    const { reporter, text } = capture();
    const second = { name: 'Second', module: 'command' };
    reporter.taskStart(write);
    reporter.taskStart(second);
    reporter.hostResult(write, { host: 'slow', status: 'ok' });
    reporter.hostResult(second, { host: 'fast', status: 'ok' });
    const headed = text().split('\n').filter((l) => l.startsWith('TASK') || l.startsWith('ok'));
    expect(headed.map((l) => l.replace(/ \*+$/, ''))).to.deep.equal([
      'TASK [Write token file]',
      'TASK [Second]',
      'TASK [Write token file]',
      'ok: [slow]',
      'TASK [Second]',
      'ok: [fast]',
    ]);
  });
});
