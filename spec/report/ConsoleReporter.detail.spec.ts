import { expect } from 'chai';
import { capture } from './captureConsole.js';

const write = { name: 'Write token file', module: 'token_file' };

describe('ConsoleReporter details', () => {
  describe('--diff', () => {
    const diff = '--- before: /etc/env\n+++ after: /etc/env\n@@ -1,2 +1,2 @@\n A=1\n-GITEA_TOKEN=****ab12\n+GITEA_TOKEN=****cd34\n';

    it('prints the diff text under the result line', () => {
      const { reporter, writes } = capture({ diff: true });
      reporter.taskStart(write);
      reporter.hostResult(write, { host: 'h', status: 'changed', diff, changes: ['not shown when there is text'] });
      expect(writes.at(-1)).to.equal(`changed: [h]\n${diff}`);
    });

    it('prints change summaries when there is no diff text', () => {
      const { reporter, writes } = capture({ diff: true });
      reporter.taskStart(write);
      reporter.hostResult(write, { host: 'h', status: 'pending', msg: 'waits', changes: ['create /x', 'mode 0600'] });
      expect(writes.at(-1)).to.equal('pending: [h] => waits\n  ~ create /x\n  ~ mode 0600\n');
    });

    it('prints neither without --diff', () => {
      const { reporter, writes } = capture({ diff: false });
      reporter.taskStart(write);
      reporter.hostResult(write, { host: 'h', status: 'changed', diff, changes: ['x'] });
      expect(writes.at(-1)).to.equal('changed: [h]\n');
    });

    it('colours additions green and removals red', () => {
      const { reporter, writes } = capture({ diff: true, color: true });
      reporter.taskStart(write);
      reporter.hostResult(write, { host: 'h', status: 'changed', diff });
      const out = writes.at(-1) ?? '';
      expect(out).to.include('\u001b[32m+GITEA_TOKEN=****cd34\u001b[39m');
      expect(out).to.include('\u001b[31m-GITEA_TOKEN=****ab12\u001b[39m');
      expect(out).to.include('\n A=1\n');
    });
  });

  describe('loops', () => {
    const items = [
      { host: 'h', status: 'ok' as const, item: 'backup' },
      { host: 'h', status: 'changed' as const, item: 'sync', changes: ['rewrite /etc/cron.d/sync'] },
      { host: 'h', status: 'failed' as const, item: 'report', msg: 'rc=1' },
    ];

    it('prints one line per item, not the aggregate, then `...ignoring` once', () => {
      const { reporter, writes } = capture({ diff: true });
      reporter.taskStart(write);
      reporter.hostResult(write, { host: 'h', status: 'failed', msg: 'one or more items failed: rc=1', ignored: true, items });
      expect(writes.at(-1)).to.equal(
        'ok: [h] => (item=backup)\nchanged: [h] => (item=sync)\n  ~ rewrite /etc/cron.d/sync\nfailed: [h] (item=report) => rc=1\n...ignoring\n',
      );
    });

    it('shows the delegate on every item line', () => {
      const { reporter, writes } = capture();
      reporter.taskStart(write);
      reporter.hostResult(write, { host: 'h', status: 'ok', delegatedTo: 'localhost', items: items.slice(0, 1) });
      expect(writes.at(-1)).to.equal('ok: [h -> localhost] => (item=backup)\n');
    });

    it('prints the aggregate line for a loop over nothing', () => {
      const { reporter, writes } = capture();
      reporter.taskStart(write);
      reporter.hostResult(write, { host: 'h', status: 'skipped', items: [] });
      expect(writes.at(-1)).to.equal('skipped: [h]\n');
    });
  });

  describe('verbose', () => {
    it('prints only up to the chosen verbosity, as `<host> msg`', () => {
      const { reporter, text } = capture({ verbosity: 2 });
      reporter.verbose(1, 'h1', 'connected');
      reporter.verbose(2, undefined, 'loaded 3 tasks');
      reporter.verbose(3, 'h1', 'too chatty');
      expect(text()).to.equal('<h1> connected\nloaded 3 tasks\n');
    });

    it('prints nothing at verbosity 0', () => {
      const { reporter, writes } = capture();
      reporter.verbose(1, 'h1', 'connected');
      expect(writes).to.deep.equal([]);
    });

    it('dims verbose lines when colour is on', () => {
      const { reporter, text } = capture({ verbosity: 1, color: true });
      reporter.verbose(1, 'h1', 'connected');
      expect(text()).to.equal('\u001b[2m<h1> connected\u001b[22m\n');
    });
  });
});
