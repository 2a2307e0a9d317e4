import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCronFileRead, readCronFileScript } from '../../lib/modules/cron_script/readCronFile.js';
import { parseCronFilesRead, readCronFilesScript } from '../../lib/modules/cron_script/readCronFiles.js';
import { frameScript } from '../../lib/transport/framing.js';
import { localShell } from '../transport/localShell.js';

// A looped cron_script reads all its cron files in one round trip: every file must come back exactly as a read of
// that file alone gives it, whatever it holds.
describe('cron_script: several cron files in one read', function () {
  const NONCE = 'a1b2c3d4e5f6a1b2c3d4e5f6';
  const LIMIT = 200;
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-cronread-'));
    writeFileSync(path.join(dir, 'plain'), '* * * * * root /bin/true\n');
    writeFileSync(path.join(dir, 'no-newline'), '* * * * * root /bin/false');
    writeFileSync(path.join(dir, 'empty'), '');
    writeFileSync(path.join(dir, 'blank-lines'), '\n\n* * * * * root x\n\n');
    // A file that prints what looks like the next answer, with another nonce and with this one minus a digit.
    writeFileSync(path.join(dir, 'fake-header'), `\nffffffffffffffffffffffff 3 missing\n${NONCE.slice(1)} 2 missing\n`);
    writeFileSync(path.join(dir, 'large'), 'x'.repeat(LIMIT + 10));
    mkdirSync(path.join(dir, 'a-directory'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const names = ['plain', 'no-newline', 'missing', 'empty', 'fake-header', 'a-directory', 'blank-lines', 'large'];

  it('answers for each file what a read of that file alone answers', async function () {
    const paths = names.map((n) => path.join(dir, n));
    const r = await localShell(frameScript(readCronFilesScript(paths, LIMIT, NONCE)));
    expect(r.rc, r.stderr).to.equal(0);
    const together = parseCronFilesRead(r.stdout, NONCE, paths.length, LIMIT);
    const alone = [];
    for (const p of paths) alone.push(parseCronFileRead((await localShell(frameScript(readCronFileScript(p, LIMIT)))).stdout, LIMIT));
    expect(together).to.deep.equal(alone);
    expect(together!.map((x) => x.kind)).to.deep.equal(['file', 'file', 'missing', 'file', 'file', 'not-a-file', 'file', 'too-large']);
  });

  it('takes an answer for a wrong count or a foreign nonce as no answer', async function () {
    const paths = ['plain', 'missing'].map((n) => path.join(dir, n));
    const r = await localShell(frameScript(readCronFilesScript(paths, LIMIT, NONCE)));
    expect(parseCronFilesRead(r.stdout, NONCE, 3, LIMIT)).to.equal(undefined);
    expect(parseCronFilesRead(r.stdout, 'b'.repeat(24), 2, LIMIT)).to.equal(undefined);
    expect(parseCronFilesRead(`garbage${r.stdout}`, NONCE, 2, LIMIT)).to.equal(undefined);
  });
});
