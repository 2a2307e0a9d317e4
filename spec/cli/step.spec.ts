import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLab, type Lab } from '../support/lab/index.js';
import { readReport, runFerry } from '../support/runFerry.js';
import { ferryWithInput } from './support/ferryProcess.js';

const PROMPT = /Perform task: (.+) \(N\)o\/\(y\)es\/\(c\)ontinue: /g;

describe('careful first runs: --step and --start-at-task', function () {
  let lab: Lab;
  let work: string;
  before(async () => {
    lab = await startLab({ count: 2 });
  });
  after(async () => lab?.stop());
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'ferry-step-'));
  });
  const args = (report: string, ...extra: string[]) => ['run', 'playbooks/demo.yml', '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--report', report, ...extra];
  const tasksRun = (report: string) => readReport(report).hosts.host1.tasks.map((t: { name: string }) => t.name);

  it('--step asks before each task and runs only the yes answers; continue stops asking', async () => {
    const report = join(work, 'r.json');
    const res = await ferryWithInput(args(report, '--step'), { input: 'n\ny\nc\n' });
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    // Asked three times: no, yes, continue; the fourth task runs without a question.
    expect([...res.stdout.matchAll(PROMPT)].map((m) => m[1])).to.deep.equal(['App directory', 'App config', 'Initialise once']);
    expect(tasksRun(report)).to.deep.equal(['App config', 'Initialise once', 'Where we are']);
    expect(res.stdout).not.to.include('TASK [App directory]');
  });

  it('--step skips every remaining task once its input ends, and changes nothing', async () => {
    const before = await lab.hashTree('host1');
    const report = join(work, 'r.json');
    const res = await ferryWithInput(args(report, '--step'), { input: '' });
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(res.stdout).to.include('no more answers (end of input)');
    expect(tasksRun(report)).to.deep.equal([]);
    expect(await lab.hashTree('host1')).to.equal(before);
  });

  it('--start-at-task skips every task before the first match (a name or a glob)', async () => {
    const report = join(work, 'r.json');
    const res = await runFerry(args(report, '--start-at-task', 'Init*'));
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(tasksRun(report)).to.deep.equal(['Initialise once', 'Where we are']);
  });

  it('--start-at-task with a name no task has is a usage error, before any host is contacted', async () => {
    const traces = await Promise.all(lab.hosts.map((h) => lab.traceExecve(h.name)));
    const res = await runFerry(args(join(work, 'r.json'), '--start-at-task', 'App confg'));
    const texts = await Promise.all(traces.map((t) => t.stop()));
    expect(res.code).to.equal(5);
    expect(res.stderr).to.include("--start-at-task 'App confg' matches no task of the playbook (did you mean 'App config'?)");
    for (const t of texts) expect(t).not.to.match(/execve\(/);
  });
});
