import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLanguageLab, type LanguageLab } from './languageLab.js';

const PLAYBOOK = `- hosts: host1
  tasks:
    - name: Consumers still succeed
      cron_script:
        name: "{{ item }}"
      loop: [poll-a, poll-b, gone, poll-c]
`;

// A looped task whose module can read every item's facts at once (cron_script) probes once per host, not once per
// item; each item still gets its own result, and an item whose read fails reports its own problem.
describe('a looped cron_script reads its cron files in one round trip', function () {
  let ll: LanguageLab;
  let dir: string;
  before(async () => {
    ll = await startLanguageLab({
      count: 1,
      files: {
        '/etc/cron.d/poll-a': '*/5 * * * * root echo from-a\n',
        '/etc/cron.d/poll-b': '*/5 * * * * root echo from-b; exit 3\n',
        '/etc/cron.d/poll-c': '@daily root echo from-c\n',
      },
    });
    dir = mkdtempSync(join(tmpdir(), 'ferry-loopprobe-'));
    writeFileSync(join(dir, 'loop.yml'), PLAYBOOK);
  });
  after(async () => {
    await ll.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes one read for four items and gives each item its own verdict', async function () {
    const run = await ll.run(join(dir, 'loop.yml'), ['-vvv']);
    // -vvv shows each script under its EXEC line.
    const execs = run.all.split(/EXEC[^\n]*:\n/).slice(1);
    const reads = execs.filter((script) => script.includes('head -c'));
    const items = run.report!.hosts.host1.tasks[0].items!;
    expect(items.map((i) => [i.item, i.status])).to.deep.equal([
      ['poll-a', 'changed'],
      ['poll-b', 'failed'],
      ['gone', 'failed'],
      ['poll-c', 'changed'],
    ]);
    expect(items[1].msg).to.match(/rc 3/);
    expect(items[2].msg).to.match(/\/etc\/cron\.d\/gone/);
    // One read for the whole loop, then one exec per job that ran (the missing file has no job to run).
    expect(reads, run.all).to.have.length(1);
    for (const name of ['poll-a', 'poll-b', 'gone', 'poll-c']) expect(reads[0]).to.include(`/etc/cron.d/${name}`);
    expect(execs, run.all).to.have.length(1 + 3);
  });
});
