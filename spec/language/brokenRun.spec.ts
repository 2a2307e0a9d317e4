import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brokenRuns, type BrokenRun } from '../fixtures/broken-run/expectations.js';
import { startLab, type Lab } from '../support/lab/index.js';
import { REPO, runFerry, type FerryRun } from '../support/runFerry.js';
import { NO_STACK } from './languageLab.js';

const DIR = join(REPO, 'spec/fixtures/broken-run');
const REL = relative(REPO, DIR);
const LANES = 3;
const fill = (s: string): string => s.replaceAll('{dir}', DIR).replaceAll('{rel}', REL);

function titleOf(c: BrokenRun): string {
  const args = c.args?.length ? ` ${c.args.map(fill).join(' ')}` : '';
  return `${c.playbook}${args}: exit ${c.exit}${c.errors.length ? `, ${c.errors.length} problem(s)` : ''}`;
}

describe('language: runs stopped before any host is contacted (spec/fixtures/broken-run)', function () {
  // The runs touch no host, so a few go at once (LANES): each test then reads its own run.
  const runs = new Map<BrokenRun, Promise<FerryRun>>();
  before(() => {
    const lanes: Array<Promise<unknown>> = Array.from({ length: LANES }, () => Promise.resolve());
    brokenRuns.forEach((c, i) => {
      const run = lanes[i % LANES].then(() => runFerry(['run', join(DIR, c.playbook), '-i', join(DIR, 'inventory.yml'), ...(c.args ?? []).map(fill)], { env: c.env }));
      lanes[i % LANES] = run.catch(() => undefined);
      runs.set(c, run);
    });
  });

  for (const c of brokenRuns) {
    it(titleOf(c), async () => {
      const res = await runs.get(c)!;
      const all = res.stdout + res.stderr;
      expect(res.code, all).to.equal(c.exit);
      const lines = res.stderr.split('\n').filter((l) => l.startsWith('ERROR: '));
      expect(lines.length, res.stderr).to.equal(c.errors.length);
      c.errors.forEach((e, i) => expect(lines[i].startsWith(`ERROR: ${fill(e)}`), `${lines[i]}\n  should start with\nERROR: ${fill(e)}`).to.equal(true));
      expect(all).not.to.match(NO_STACK);
      // The inventory's hosts have no sshd: any attempt to reach one would be reported.
      expect(all).not.to.match(/UNREACHABLE/);
    });
  }

  it('has an expectation for every playbook of the corpus, and at least 10 of them', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yml') && f !== 'inventory.yml');
    const covered = new Set(brokenRuns.map((c) => c.playbook));
    expect(files.filter((f) => !covered.has(f))).to.deep.equal([]);
    expect(brokenRuns.filter((c) => c.exit !== 0).length).to.be.at.least(10);
  });

  describe('against real hosts', () => {
    let lab: Lab;
    before(async () => {
      lab = await startLab({ count: 3 });
    });
    after(async () => lab.stop());

    it('runs nothing on any host: not one process starts there', async () => {
      const traces = await Promise.all(lab.hosts.map((h) => lab.traceExecve(h.name)));
      const res = await runFerry(['run', join(DIR, 'many-problems.yml'), '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile]);
      const texts = await Promise.all(traces.map((t) => t.stop()));
      expect(res.code, res.stdout + res.stderr).to.equal(3);
      expect(res.stderr).to.include(`${DIR}/many-problems.yml:7:14: 'greting' is undefined`);
      for (const t of texts) expect(t).not.to.match(/execve\(/);
      // Nor did any login reach an sshd (its log also shows the lab's own port probes, which never log in).
      for (const h of lab.hosts) expect(readFileSync(h.logFile, 'utf8'), h.name).not.to.include('Accepted publickey');
    });
  });
});
