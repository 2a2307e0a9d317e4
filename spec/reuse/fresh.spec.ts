import { expect } from 'chai';
import { CONSUMER_CRONS } from '../support/seedLayout.js';
import { messagesOf, startReuseLab, statusesOf, type ReuseLab } from './reuseLab.js';

const PLAYBOOK = 'playbooks/check-consumers-fresh.yml';
const MINUTE = 60_000;

/** A log as the consumers write it: a timestamped line per run, successes and failures mixed. */
function logOf(name: string, lastSuccessAgo: number, failuresSince: number): string {
  const at = (ago: number) => new Date(Date.now() - ago).toISOString().replace(/\.\d+Z$/, 'Z');
  const success = name === 'molecule-deploy-poll' ? 'rc=0, 0 deployed, 6 no-change, 0 failed' : `${name}: ok`;
  const lines = [`${at(lastSuccessAgo + 10 * MINUTE)} ${success}`, `${at(lastSuccessAgo)} ${success}`];
  for (let i = failuresSince; i > 0; i--) lines.push(`${at(i * 5 * MINUTE)} ${name}: gitea answered HTTP 401`);
  return `${lines.join('\n')}\n`;
}

describe('freshness: playbooks/check-consumers-fresh.yml finds a silent failure at the next check', function () {
  this.timeout(120_000);
  let r: ReuseLab;

  before(async () => {
    r = await startReuseLab(3);
    const [h1, h2, h3] = r.lab.hosts;
    for (const name of CONSUMER_CRONS) {
      for (const h of [h1, h3]) r.put(h, `/var/log/${name}.log`, logOf(name, 5 * MINUTE, 0));
      // host2: the deploy poller has failed for three days, every run writing to its log (its mtime is fresh).
      const stale = name === 'molecule-deploy-poll';
      r.put(h2, `/var/log/${name}.log`, stale ? logOf(name, 3 * 24 * 60 * MINUTE, 6) : logOf(name, 2 * MINUTE, 1));
    }
  });
  after(async () => r?.stop());

  it('fails the host whose last success is older than the limit, says how old, and passes the others', async () => {
    for (const mode of [['--check'], []]) {
      const res = await r.ferry(PLAYBOOK, `fresh${mode.length}.json`, ...mode);
      expect(res.code, res.stdout + res.stderr).to.equal(2);
      const report = r.report(`fresh${mode.length}.json`);
      const [h1, h2, h3] = r.lab.hosts.map((h) => h.name);
      expect(statusesOf(report, h1, 'assert_recent')).to.deep.equal(['ok']);
      expect(statusesOf(report, h3, 'assert_recent')).to.deep.equal(['ok']);
      expect(statusesOf(report, h2, 'assert_recent')).to.deep.equal(['failed']);
      expect(report.hosts[h2].failed).to.equal(1);
      const stale = messagesOf(report, h2, 'assert_recent');
      expect(stale[0]).to.match(/last success in \/var\/log\/molecule-deploy-poll\.log \(line 2, .*\) is 3d old, older than 30m/);
      expect(stale.slice(1).every((m) => / is 2m( \d+s)? old \(limit 30m\)$/.test(m)), stale.join('\n')).to.equal(true);
      expect(messagesOf(report, h1, 'assert_recent')).to.have.length(CONSUMER_CRONS.length);
      expect(res.stdout).to.match(/failed: \[host2\] \(item=molecule-deploy-poll\) => .*is 3d old, older than 30m/);
      expect(res.stdout).to.match(/ok: \[host1\] => \(item=sop6-drift-check\) => last success in \/var\/log\/sop6-drift-check\.log/);
      expect(res.stdout).not.to.include('HTTP 401');
    }
  });
});
