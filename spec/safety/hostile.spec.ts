import { expect } from 'chai';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileCases, type HostileCase } from '../fixtures/hostile/cases.js';
import { runFerry, type FerryRun } from '../support/runFerry.js';
import { HOSTILE_DIR, hostileCorpus } from './hostileCorpus.js';

/** "Within seconds": a hang, a 50 MB parse or an endless read would blow far past it. */
const TIME_LIMIT_MS = 10_000;
/** CLI runs at once: the corpus stays quick on two cores without starving itself. */
const PARALLEL = 4;

describe('hostile and broken input through the CLI: a clear message, a non-zero exit, within seconds, no host contacted', function () {
  this.timeout(180_000);
  let dir: string;
  const outcomes = new Map<HostileCase, FerryRun & { ms: number }>();

  before(async () => {
    dir = hostileCorpus();
    writeFileSync(join(dir, 'known_hosts'), '');
    const queue = [...hostileCases];
    const worker = async (): Promise<void> => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const args = ['run', c.playbook, '-i', c.inventory ?? 'inventory.yml', '--known-hosts', 'known_hosts', ...(c.extra ?? [])];
        const started = Date.now();
        const res = await runFerry(args, { cwd: dir });
        outcomes.set(c, { ...res, ms: Date.now() - started });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
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
      const all = res.stdout + res.stderr;
      expect(res.code, all).to.equal(c.code);
      expect(all).to.match(c.says);
      expect(res.ms, 'seconds, not minutes').to.be.below(TIME_LIMIT_MS);
      expect(all, 'no stack trace').not.to.match(/^\s+at |internal error/m);
      expect(all, 'no host contacted').not.to.include('UNREACHABLE');
      expect(all, 'no raw terminal escape reaches the console').not.to.include('\x1b');
    });
  }

  it('ran none of the commands hidden in the input', () => {
    expect(readdirSync(dir).filter((f) => f.startsWith('pwned'))).to.deep.equal([]);
  });
});
