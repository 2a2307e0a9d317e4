import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atomicWriteScript } from '../../lib/transport/atomicWriteScript.js';
import { frameScript } from '../../lib/transport/framing.js';
import { localShell } from '../transport/localShell.js';

// A connection cut while the input of a write is in flight gives the host's shell only a prefix of it. The shell
// runs an unterminated here-document with what it got: the data block must never be written half.
describe('faults: a write whose input was cut short', function () {
  let dir: string;
  const OLD = 'old content\n';
  const NEW = Array.from({ length: 400 }, (_, i) => `line ${i} of the new content\n`).join('');
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-cut-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const input = (target: string): string => frameScript(atomicWriteScript({ path: target, mode: 0o640 }), NEW, { timeoutMs: 60000 });
  /** Cut points spread over the whole input, inside the data block and up to the closing brace (the final newline alone adds nothing). */
  const cuts = (length: number): number[] => [...Array.from({ length: 24 }, (_, i) => Math.floor((length * i) / 24)), length - 40, length - 3, length - 2];

  it('is real: the same input without its all-or-nothing frame writes a partial file', async function () {
    const target = path.join(dir, 'unframed.conf');
    writeFileSync(target, OLD);
    const full = input(target);
    // The frame is one brace group; without it, the shell runs whatever prefix arrived.
    const unframed = full.replace(/^\{\n/, '').replace(/\}\n$/, '');
    const cut = unframed.slice(0, Math.floor(unframed.length * 0.6));
    await localShell(cut);
    const now = readFileSync(target, 'utf8');
    expect(now).to.not.equal(OLD);
    expect(now).to.not.equal(NEW);
    expect(NEW.startsWith(now)).to.equal(true);
  });

  // Text travels as a here-document as it is, anything else base64-encoded: both frames must hold.
  const contents: [string, string | Buffer][] = [
    ['text', NEW],
    ['binary', Buffer.concat([Buffer.from(NEW), Buffer.from([0xff, 0xfe, 0x00])])],
  ];
  for (const [kind, content] of contents) {
    it(`leaves the target old at every cut point, new only for the whole input, and never a temp file (${kind} data)`, async function () {
      const target = path.join(dir, `app-${kind}.conf`);
      const full = frameScript(atomicWriteScript({ path: target, mode: 0o640 }), content, { timeoutMs: 60000 });
      for (const at of cuts(full.length)) {
        writeFileSync(target, OLD);
        const r = await localShell(full.slice(0, at));
        expect(readFileSync(target, 'utf8'), `cut at ${at} of ${full.length} (rc ${r.rc})`).to.equal(OLD);
      }
      writeFileSync(target, OLD);
      const r = await localShell(full);
      expect(r.rc, r.stderr).to.equal(0);
      expect(readFileSync(target).equals(Buffer.from(content))).to.equal(true);
      expect(readdirSync(dir).filter((n) => n.startsWith('.ferry.'))).to.deep.equal([]);
      expect(existsSync(target)).to.equal(true);
    });
  }
});
