import { expect } from 'chai';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, chownSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atomicWriteScript, formatMode, type AtomicWriteTarget } from '../../lib/transport/atomicWriteScript.js';
import { frameScript } from '../../lib/transport/framing.js';
import { localShell } from './localShell.js';

/** Runs the write script locally (as root) with the content on stdin. */
function write(target: AtomicWriteTarget, content: string): ReturnType<typeof localShell> {
  return localShell(frameScript(atomicWriteScript(target), content));
}

const modeOf = (p: string): number => statSync(p).mode & 0o7777;
const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => n.startsWith('.ferry.'));

describe('atomicWriteScript (run by the local shell)', function () {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-aw-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a new file with 0644 when no mode is asked', async function () {
    const p = path.join(dir, 'new.conf');
    const r = await write({ path: p }, 'a=1\n');
    expect(r.rc, r.stderr).to.equal(0);
    expect(readFileSync(p, 'utf8')).to.equal('a=1\n');
    expect(modeOf(p)).to.equal(0o644);
    expect(leftovers(dir)).to.deep.equal([]);
  });

  it('creates a new file with the asked mode and owner', async function () {
    const p = path.join(dir, 'secret');
    const r = await write({ path: p, mode: 0o600, owner: 'daemon', group: 'daemon' }, 'tok');
    expect(r.rc, r.stderr).to.equal(0);
    expect(modeOf(p)).to.equal(0o600);
    expect([statSync(p).uid, statSync(p).gid]).to.deep.equal([1, 1]);
  });

  it("keeps an existing file's mode and owner when none is asked", async function () {
    const p = path.join(dir, 'env');
    writeFileSync(p, 'old\n', { mode: 0o640 });
    chownSync(p, 1, 1);
    const r = await write({ path: p }, 'new\n');
    expect(r.rc, r.stderr).to.equal(0);
    expect(readFileSync(p, 'utf8')).to.equal('new\n');
    expect(modeOf(p)).to.equal(0o640);
    expect([statSync(p).uid, statSync(p).gid]).to.deep.equal([1, 1]);
  });

  it('writes through a symlink: the link stays, its target gets the content and keeps its mode', async function () {
    mkdirSync(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'app.env');
    writeFileSync(real, 'old\n', { mode: 0o600 });
    const link = path.join(dir, 'app.env');
    symlinkSync('real/app.env', link);
    const r = await write({ path: link }, 'new\n');
    expect(r.rc, r.stderr).to.equal(0);
    expect(lstatSync(link).isSymbolicLink()).to.equal(true);
    expect(readlinkSync(link)).to.equal('real/app.env');
    expect(readFileSync(real, 'utf8')).to.equal('new\n');
    expect(modeOf(real)).to.equal(0o600);
    expect(leftovers(path.join(dir, 'real'))).to.deep.equal([]);
  });

  const oddNames = ['with space', "quote'd", 'dollar $(touch x) $HOME', 'back`tick`', 'new\nline', '-dash'];
  for (const name of oddNames) {
    it(`a file named ${JSON.stringify(name)}`, async () => {
      const p = path.join(dir, name);
      const r = await write({ path: p, mode: 0o640 }, 'ok');
      expect(r.rc, r.stderr).to.equal(0);
      expect(readFileSync(p, 'utf8')).to.equal('ok');
      expect(readdirSync(dir)).to.deep.equal([name]);
    });
  }

  it('refuses a directory target and leaves no temp file', async function () {
    mkdirSync(path.join(dir, 'd'));
    const r = await write({ path: path.join(dir, 'd') }, 'x');
    expect(r.rc).to.equal(2);
    expect(r.stderr).to.include('is a directory');
    expect(leftovers(dir)).to.deep.equal([]);
  });

  it('fails on a missing directory', async function () {
    const r = await write({ path: path.join(dir, 'no', 'such', 'file') }, 'x');
    expect(r.rc).to.equal(2);
    expect(r.stderr).to.include('does not exist');
  });

  it('fails on an unknown owner and leaves the old file and no temp file', async function () {
    const p = path.join(dir, 'keep');
    writeFileSync(p, 'old');
    const r = await write({ path: p, owner: 'no-such-user-ferry' }, 'new');
    expect(r.rc).to.equal(4);
    expect(readFileSync(p, 'utf8')).to.equal('old');
    expect(leftovers(dir)).to.deep.equal([]);
  });

  const modes: [number, string][] = [
    [0o644, '0644'],
    [0o600, '0600'],
    [0o4755, '4755'],
    [0, '0000'],
  ];
  for (const [mode, text] of modes) it(`formats mode ${text}`, () => expect(formatMode(mode)).to.equal(text));
  for (const bad of [-1, 0o10000, 1.5, Number.NaN]) it(`refuses mode ${bad}`, () => expect(() => formatMode(bad)).to.throw(RangeError));
});
