import { startFleet, type BenchFleet, type Fixture } from './fleet/BenchFleet.js';
import type { SizeResult } from './report/BenchResults.js';
import { ratio, sampleOf } from './report/stats.js';
import { ansibleSession } from './tools/runAnsible.js';
import { runFerry, type FerryMode } from './tools/runFerry.js';
import { runFloor } from './tools/runFloor.js';

/** What to run at one size. */
export interface SizePlan {
  hosts: number;
  reps: number;
  ansibleReps: number;
  floor: boolean;
  log(line: string): void;
}

const FERRY_MODES: FerryMode[] = ['check', 'first', 'second'];

// One fleet for the whole size, fresh fixtures before every tool in every repetition, the tools interleaved so that a
// slow minute of the machine lands on all of them alike.
export async function measureSize(plan: SizePlan): Promise<SizeResult> {
  let fleet = await startFleet(plan.hosts, plan.log);
  const ferry: Record<FerryMode, number[]> = { check: [], first: [], second: [] };
  let peakRss = 0;
  const floor: number[] = [];
  const ansible = { first: [] as number[], second: [] as number[] };
  const say = (rep: number, what: string, ms: number) => plan.log(`bench: ${plan.hosts} hosts, repetition ${rep + 1}: ${what} ${(ms / 1000).toFixed(2)} s`);
  try {
    for (let rep = 0; rep < plan.reps; rep++) {
      await withFixture(fleet, async (fixture) => {
        for (const mode of FERRY_MODES) {
          const m = await runFerry(fleet, fixture, mode);
          ferry[mode].push(m.ms);
          peakRss = Math.max(peakRss, m.rss);
          say(rep, `ferry ${mode}`, m.ms);
        }
      });
      if (plan.floor) {
        await withFixture(fleet, async (fixture) => {
          const m = await runFloor(fleet, fixture);
          floor.push(m.ms);
          say(rep, 'floor', m.ms);
        });
      }
      if (rep < plan.ansibleReps) {
        const times = await retried(ANSIBLE_ATTEMPTS, plan.log, () => ansiblePair(fleet), async () => {
          // A failure has stuck to one lab host's trees before: the next attempt gets new hosts.
          await fleet.stop();
          fleet = await startFleet(plan.hosts, plan.log);
        }).catch((err: Error) => {
          // Every attempt failed: this repetition has no Ansible time, the others still count.
          plan.log(`bench: ${plan.hosts} hosts, repetition ${rep + 1}: no Ansible time (${err.message.split('\n')[1] ?? err.message})`);
          return undefined;
        });
        for (const kind of ['first', 'second'] as const) {
          if (!times) continue;
          ansible[kind].push(times[kind]);
          say(rep, `Ansible ${kind}`, times[kind]);
        }
      }
    }
  } finally {
    await fleet.stop();
  }
  const result: SizeResult = {
    hosts: plan.hosts,
    ferry: { check: sampleOf(ferry.check), first: sampleOf(ferry.first), second: sampleOf(ferry.second), peakRssMiB: Math.round(peakRss / 2 ** 20) },
    ...(ansible.first.length ? { ansible: { first: sampleOf(ansible.first), second: sampleOf(ansible.second) } } : {}),
    ...(floor.length ? { floor: sampleOf(floor) } : {}),
    ratios: { ferryOverAnsibleFirst: null, ferryOverAnsibleSecond: null, ferryOverFloor: null },
  };
  result.ratios = {
    ferryOverAnsibleFirst: ratio(result.ferry.first, result.ansible?.first),
    ferryOverAnsibleSecond: ratio(result.ferry.second, result.ansible?.second),
    ferryOverFloor: ratio(result.ferry.first, result.floor),
  };
  return result;
}

/**
 * Ansible's lineinfile now and then fails on these hosts while setting attributes on its backup copy ("Operation not
 * supported"), one host in a run. A failed run measures nothing: it is run again on new hosts, and says so.
 */
const ANSIBLE_ATTEMPTS = 4;

/** One Ansible first run and second run on the same fresh fixtures, in milliseconds. */
async function ansiblePair(fleet: BenchFleet): Promise<{ first: number; second: number }> {
  const times = { first: 0, second: 0 };
  await withFixture(fleet, async (fixture) => {
    const session = ansibleSession(fleet, fixture);
    try {
      for (const kind of ['first', 'second'] as const) times[kind] = (await session.run(kind)).ms;
    } finally {
      await session.close();
    }
  });
  return times;
}

/** Runs `body` until it succeeds, at most `attempts` times, logging each failure's first lines and resetting between. */
async function retried<T>(attempts: number, log: (line: string) => void, body: () => Promise<T>, reset: () => Promise<void>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await body();
    } catch (err) {
      if (attempt >= attempts) throw err;
      log(`bench: ${(err as Error).message.split('\n').slice(0, 2).join(' / ')}; trying again on new hosts and fresh fixtures`);
      await reset();
    }
  }
}

/** A fresh Gitea and freshly planted trees for one tool's runs, torn down whatever happens. */
async function withFixture(fleet: BenchFleet, body: (fixture: Fixture) => Promise<void>): Promise<void> {
  const fixture = await fleet.fresh();
  try {
    await body(fixture);
  } finally {
    await fixture.stop();
  }
}
