import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunReport } from '../../lib/report/types.js';
import type { BenchFleet, Fixture } from '../fleet/BenchFleet.js';
import { tailOf, timedProcess } from './timedProcess.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO, 'dist', 'cli.js');
const RSS_PROBE = fileURLToPath(new URL('./maxRss.mjs', import.meta.url));
const PLAYBOOK = 'playbooks/rotate-ops-persona.yml';

/** Which of ferry's three measured runs. */
export type FerryMode = 'first' | 'second' | 'check';

/** One measured ferry run. */
export interface FerryMeasure {
  ms: number;
  /** Peak resident set size of the ferry process, bytes. */
  rss: number;
}

// Runs the built CLI exactly as an operator would, timed from spawn to exit, and checks it did what that run must do.
export async function runFerry(fleet: BenchFleet, fixture: Fixture, mode: FerryMode): Promise<FerryMeasure> {
  const work = mkdtempSync(path.join(tmpdir(), 'ferry-bench-'));
  try {
    const report = path.join(work, 'report.json');
    const rssFile = path.join(work, 'rss');
    const args = ['run', PLAYBOOK, '-i', fleet.inventory, '--known-hosts', fleet.lab.knownHostsFile];
    args.push('-e', `gitea_url=${fixture.gitea.url}`, '--report', report);
    if (mode === 'check') args.push('--check', '--diff');
    // Started as an operator starts it (the file itself, as `ferry` and `npx ferry` do); the RSS probe rides along in
    // NODE_OPTIONS. The node it finds is the one first on PATH: the bench's own, put first.
    const run = await timedProcess({
      command: CLI,
      args,
      cwd: REPO,
      env: {
        ...process.env,
        ...fixture.adminEnv,
        PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
        NODE_OPTIONS: `--import=${JSON.stringify(RSS_PROBE)}`,
        NO_COLOR: '1',
        FERRY_BENCH_RSS_FILE: rssFile,
      },
    });
    if (run.code !== 0) throw new Error(`ferry ${mode} run exited ${run.code}:\n${tailOf(run)}`);
    checkOutcome(JSON.parse(readFileSync(report, 'utf8')) as RunReport, mode, fleet.lab.hosts.length);
    return { ms: run.ms, rss: Number(readFileSync(rssFile, 'utf8')) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A fast run that did the wrong thing proves nothing: every host must show what this run is for. */
function checkOutcome(report: RunReport, mode: FerryMode, hosts: number): void {
  const entries = Object.entries(report.hosts);
  if (entries.length !== hosts) throw new Error(`ferry ${mode} run reported ${entries.length} hosts, expected ${hosts}`);
  for (const [name, h] of entries) {
    const wrong = h.failed > 0 || h.unreachable > 0 || (mode === 'second' ? h.changed !== 0 : h.changed === 0);
    if (wrong) throw new Error(`ferry ${mode} run on ${name}: changed=${h.changed} failed=${h.failed} unreachable=${h.unreachable}`);
  }
}
