import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatElapsed, progressText } from '../../lib/cli/progress/progressText.js';
import { ProgressLine } from '../../lib/cli/progress/ProgressLine.js';
import { startLab, type Lab } from '../support/lab/index.js';
import { runFerry } from '../support/runFerry.js';
import { ferryInTerminal } from './support/ferryProcess.js';
import { labInventory } from './support/labInventory.js';

const CLEAR = '\r\u001b[K';
const SECRET = 'tok-progress-secret-777';

describe('the live progress line', () => {
  describe('progressText', () => {
    const cases: Array<[number, number, number, string, number, string]> = [
      [0, 0, 3, 'TASK [a]', 80, '[0:00] 0/3 hosts | TASK [a]'],
      [42_999, 2, 3, 'TASK [App config]', 80, '[0:42] 2/3 hosts | TASK [App config]'],
      [3_725_000, 1, 1, 'PLAY [web]', 80, '[1:02:05] 1/1 hosts | PLAY [web]'],
      // A host that reports after being counted out (a rescue) never shows as 4/3.
      [1000, 4, 3, 'TASK [x]', 80, '[0:01] 4/4 hosts | TASK [x]'],
      [5000, 1, 2, 'TASK [a very long task name that does not fit]', 30, '[0:05] 1/2 hosts | TASK [a...'],
    ];
    for (const [ms, done, total, what, width, expected] of cases) {
      it(`${expected}`, () => expect(progressText({ elapsedMs: ms, done, total, what }, width)).to.equal(expected));
    }
    it('formats elapsed time as m:ss, then h:mm:ss', () => {
      expect([59_999, 60_000, 3_600_000].map(formatElapsed)).to.deep.equal(['0:59', '1:00', '1:00:00']);
    });
  });

  describe('ProgressLine', () => {
    it('appears only after the delay, counts hosts of the current task, and clears itself', () => {
      let now = 0;
      const writes: string[] = [];
      const line = new ProgressLine({ write: (s) => writes.push(s), columns: 80 }, { delayMs: 1000, mask: (s) => s.replace('hunter2', '****'), now: () => now });
      line.playStart({ name: 'web', hosts: ['a', 'b'] });
      line.taskStart({ name: 'deploy hunter2', module: 'command' });
      expect(writes, 'nothing before the delay').to.deep.equal([]);
      now = 1500;
      line.hostResult({}, { host: 'a', status: 'changed' });
      expect(writes.at(-1)).to.equal(`${CLEAR}[0:01] 1/2 hosts | TASK [deploy ****]`);
      line.hostUnreachable('b');
      line.taskStart({ name: 'next', module: 'command' });
      expect(writes.at(-1), 'the unreachable host is out of the next task').to.equal(`${CLEAR}[0:01] 0/1 hosts | TASK [next]`);
      line.clear();
      expect(writes.at(-1)).to.equal(CLEAR);
      line.stop();
      const count = writes.length;
      line.redraw();
      expect(writes.length, 'stopped for good').to.equal(count);
    });
  });

  describe('through the built CLI', function () {
    let lab: Lab;
    let inventory: string;
    before(async () => {
      lab = await startLab({ count: 2 });
      inventory = labInventory(lab, mkdtempSync(join(tmpdir(), 'ferry-progress-')), { vars: { api_token: SECRET } });
    });
    after(async () => lab?.stop());
    const args = () => ['run', 'spec/cli/playbooks/slow.yml', '-i', inventory, '--known-hosts', lab.knownHostsFile];

    it('on a terminal, draws hosts done / total, the task and the elapsed time, clears it before each line, masks secrets', async () => {
      const { code, screen } = await ferryInTerminal(args());
      expect(code, screen).to.equal(0);
      expect(screen).to.match(/\r\u001b\[K\[0:0[12]\] [0-2]\/2 hosts \| TASK \[Slow step for \*+\]/);
      // Every result line starts on a cleared line, never glued to the progress text.
      for (const m of screen.matchAll(/([\s\S]{0,4})changed: \[host\d\]/g)) expect(m[1]).to.match(/(\r\u001b\[K|\n)$/);
      expect(screen).not.to.include(SECRET);
      expect(screen.slice(screen.indexOf('PLAY RECAP'))).not.to.include('hosts |');
    });

    it('through a pipe, prints plain lines only', async () => {
      const res = await runFerry(args());
      expect(res.code, res.stdout + res.stderr).to.equal(0);
      expect(res.stdout + res.stderr).not.to.match(/\r|\u001b\[/);
      expect(res.stdout + res.stderr).not.to.include('hosts |');
    });
  });
});
