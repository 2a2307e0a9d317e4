import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLanguageLab, tasksOf, type LanguageLab, type LanguageRun } from './languageLab.js';

describe('language: serial, max_fail_percentage and any_errors_fatal', function () {
  let ll: LanguageLab;
  before(async () => {
    ll = await startLanguageLab();
  });
  after(async () => ll.stop());

  /** Runs a playbook with its own controller log; returns the run and the log's lines (none if never written). */
  async function run(playbook: string, failHosts: string[], ...args: string[]): Promise<{ res: LanguageRun; log: string[] }> {
    const out = mkdtempSync(join(ll.work, 'out-'));
    const res = await ll.run(playbook, ['-e', `out=${out}`, '-e', JSON.stringify({ fail_hosts: failHosts }), ...args]);
    const file = join(out, 'order.log');
    return { res, log: existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [] };
  }

  describe('serial', () => {
    it('finishes every task on one batch before the next batch starts', async () => {
      const { res, log } = await run('serial.yml', []);
      expect(res.code, res.all).to.equal(0);
      expect(log.slice(0, 2)).to.deep.equal(['host1:a', 'host1:b']);
      expect(log.slice(2, 4).sort()).to.deep.equal(['host2:a', 'host3:a']);
      expect(log.slice(4).sort()).to.deep.equal(['host2:b', 'host3:b']);
    });

    it('goes on to the end when part of a batch fails (exit 2)', async () => {
      const { res, log } = await run('serial.yml', ['host2']);
      expect(res.code, res.all).to.equal(2);
      expect(log).to.include('host3:b').and.not.to.include('host2:b');
    });

    it('goes on to the next batch when every host of a batch fails: only max_fail_percentage stops a rollout', async () => {
      const { res, log } = await run('serial.yml', ['host1']);
      expect(res.code, res.all).to.equal(2);
      expect(log.slice(0, 1)).to.deep.equal(['host1:a']);
      expect(log.slice(1).sort()).to.deep.equal(['host2:a', 'host2:b', 'host3:a', 'host3:b']);
      expect(tasksOf(res.report, 'host1')).to.deep.equal(['a', 'Fail where asked']);
    });

    it('in check mode walks the same batches, running nothing', async () => {
      const { res, log } = await run('serial.yml', ['host1'], '--check');
      expect(res.code, res.all).to.equal(2);
      expect(log).to.deep.equal([]);
      expect(tasksOf(res.report, 'host1')).to.deep.equal(['a', 'Fail where asked']);
      expect(tasksOf(res.report, 'host3')).to.deep.equal(['a', 'Fail where asked', 'b']);
    });
  });

  describe('max_fail_percentage', () => {
    it('goes on while the failed share is at most the limit', async () => {
      const { res, log } = await run('max-fail.yml', ['host1']);
      expect(res.code, res.all).to.equal(2);
      expect(log.sort()).to.deep.equal(['host2:b', 'host3:b']);
    });

    it('stops the play for every host once the share exceeds it, in check mode too', async () => {
      const real = await run('max-fail.yml', ['host1', 'host2']);
      expect(real.res.code, real.res.all).to.equal(2);
      expect(real.log).to.deep.equal([]);
      expect(tasksOf(real.res.report, 'host3')).to.deep.equal(['Fail where asked']);
      expect(real.res.stdout).to.match(/max_fail_percentage 50% exceeded: 2 of 3/);
      const check = await run('max-fail.yml', ['host1', 'host2'], '--check');
      expect(check.res.code, check.res.all).to.equal(2);
      expect(tasksOf(check.res.report, 'host3')).to.deep.equal(['Fail where asked']);
    });
  });

  describe('any_errors_fatal', () => {
    it('stops every host when one fails', async () => {
      const { res, log } = await run('any-errors-fatal.yml', ['host2']);
      expect(res.code, res.all).to.equal(2);
      expect(log).to.deep.equal([]);
      expect(tasksOf(res.report, 'host1')).not.to.include('b');
      expect(res.stdout).to.include('any_errors_fatal');
    });

    it('leaves a failure that a rescue takes over to the rescue, in check mode too', async () => {
      const args = ['-e', JSON.stringify({ rescued_hosts: ['host2'] })];
      const { res, log } = await run('any-errors-fatal.yml', [], ...args);
      expect(res.code, res.all).to.equal(0);
      expect(log.sort()).to.deep.equal(['host1:b', 'host2:b', 'host2:rescued', 'host3:b']);
      const check = await run('any-errors-fatal.yml', [], '--check', ...args);
      expect(check.res.code, check.res.all).to.equal(0);
      expect(tasksOf(check.res.report, 'host2')).to.include('Rescue').and.include('b');
    });
  });
});
