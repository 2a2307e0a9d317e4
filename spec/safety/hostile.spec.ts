import { expect } from 'chai';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileCases, type HostileCase } from '../fixtures/hostile/cases.js';
import { HOSTILE_DIR, hostileCorpus, runTimed, type TimedRun } from './hostileCorpus.js';

/** A run still going after this is a hang: killed, and the case fails. */
const KILL_AFTER_MS = 60_000;
/** "Within seconds" on an idle machine; a loaded one stretches every run alike, so the bound grows with the median run. */
const SECONDS_MS = 10_000;
/** CLI runs at once: the corpus stays quick on two cores without starving itself. */
const PARALLEL = 4;

describe('hostile and broken input through the CLI: a clear message, a non-zero exit, within seconds, no host contacted', function () {
  this.timeout(KILL_AFTER_MS * 4);
  let dir: string;
  let bound = SECONDS_MS;
  const outcomes = new Map<HostileCase, TimedRun>();

  before(async () => {
    dir = hostileCorpus();
    writeFileSync(join(dir, 'known_hosts'), '');
    const queue = [...hostileCases];
    const worker = async (): Promise<void> => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const args = ['run', c.playbook, '-i', c.inventory ?? 'inventory.yml', '--known-hosts', 'known_hosts', ...(c.extra ?? [])];
        outcomes.set(c, await runTimed(args, dir, KILL_AFTER_MS));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const times = [...outcomes.values()].map((o) => o.ms).sort((a, b) => a - b);
    bound = Math.max(SECONDS_MS, 3 * times[Math.floor(times.length / 2)]);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has at least 40 cases, and a case for every file of the corpus that is a playbook or inventory', () => {
    expect(hostileCases.length).to.be.at.least(40);
    const used = new Set(hostileCases.flatMap((c) => [c.playbook, c.inventory ?? 'inventory.yml']));
    const files = readdirSync(HOSTILE_DIR).filter((f) => f.endsWith('.yml'));
    expect(files.filter((f) => !used.has(f))).to.deep.equal([]);
  });

  for (const c of hostileCases) {
    it(c.title, () => {
      const res = outcomes.get(c)!;
      expect(res.hung, `still running after ${KILL_AFTER_MS} ms`).to.equal(false);
      expect(res.code, res.output).to.equal(c.code);
      expect(res.output).to.match(c.says);
      expect(res.ms, 'seconds, not minutes').to.be.below(bound);
      expect(res.output, 'no stack trace').not.to.match(/^\s+at |internal error/m);
      expect(res.output, 'no host contacted').not.to.include('UNREACHABLE');
      expect(res.output, 'no raw terminal escape reaches the console').not.to.include('\x1b');
    });
  }

  it('ran none of the commands hidden in the input', () => {
    expect(readdirSync(dir).filter((f) => f.startsWith('pwned'))).to.deep.equal([]);
  });
});
