import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atomicWriteScript } from '../../lib/transport/atomicWriteScript.js';
import { frameScript } from '../../lib/transport/framing.js';
import { TEMP_NAME } from '../../lib/transport/sweepStaleTemps.js';
import { localShell } from '../transport/localShell.js';

/** A pid that certainly belonged to a process that has ended. */
function deadPid(): number {
  const r = spawnSync('/bin/sh', ['-c', 'echo $$']);
  return Number(r.stdout.toString().trim());
}

// What the next write into a directory does with what it finds there: only ferry's own temp files whose writer has
// died go away; everything else, however close its name, stays.
describe('faults: the next write sweeps temp files left by a writer that died', function () {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-sweep-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const dead = deadPid();
  const table: { name: string; make: 'file' | 'symlink' | 'dir'; swept: boolean; why: string }[] = [
    { name: `.ferry.${dead}.Ab12Cd`, make: 'file', swept: true, why: 'ferry temp file whose writer is gone' },
    { name: `.ferry.${process.pid}.Zz9Yy8`, make: 'file', swept: false, why: 'its writer is still alive' },
    { name: `.ferry.${dead}.short`, make: 'file', swept: false, why: 'not six characters after the pid' },
    { name: `.ferry.${dead}x.Ab12Cd`, make: 'file', swept: false, why: 'not a pid' },
    { name: '.ferry.Ab12Cd', make: 'file', swept: false, why: 'no writer pid: an older name, whose writer cannot be told' },
    { name: '.ferry.lock', make: 'file', swept: false, why: 'the host lock' },
    { name: '.ferry.conf', make: 'file', swept: false, why: "someone else's file" },
    { name: `.ferry.${dead}.Lk00Lk`, make: 'symlink', swept: false, why: 'a symlink is never ours' },
    { name: `.ferry.${dead}.Dd00Dd`, make: 'dir', swept: false, why: 'a directory is never ours' },
    { name: `ferry.${dead}.Ab12Cd`, make: 'file', swept: false, why: 'not hidden: not ferry’s name' },
  ];

  it('sweeps exactly the temp files of dead writers', async function () {
    expect(dead).to.be.greaterThan(1);
    for (const row of table) {
      const p = path.join(dir, row.name);
      if (row.make === 'file') writeFileSync(p, 'left behind');
      else if (row.make === 'dir') mkdirSync(p);
      else symlinkSync('/etc/hostname', p);
    }
    const target = path.join(dir, 'app.conf');
    const r = await localShell(frameScript(atomicWriteScript({ path: target }), 'new\n'));
    expect(r.rc, r.stderr).to.equal(0);
    expect(readFileSync(target, 'utf8')).to.equal('new\n');
    const left = new Set(readdirSync(dir));
    for (const row of table) expect(left.has(row.name), `${row.name}: ${row.why}`).to.equal(!row.swept);
  });

  it('names its own temp file after its writer, so a later sweep can judge it', async function () {
    // The write prints its temp file's name and its shell's pid just before filling it.
    const script = atomicWriteScript({ path: path.join(dir, 'x.conf') }).replace('cat >"$tmp"', () => 'printf "%s\\n" "${tmp##*/}" "$$"; cat >"$tmp"');
    const r = await localShell(frameScript(script, 'data'));
    const [name, pid] = r.stdout.trim().split('\n');
    expect(name).to.match(TEMP_NAME);
    expect(TEMP_NAME.exec(name)![1]).to.equal(pid);
  });

  it('removes nothing when it cannot see which processes live', function () {
    expect(atomicWriteScript({ path: '/x' })).to.include('if [ -d "/proc/$$" ]; then');
  });
});
