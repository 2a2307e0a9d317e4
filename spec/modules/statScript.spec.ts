import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStats } from '../../lib/modules/parseStats.js';
import { statScript } from '../../lib/modules/statScript.js';
import { localSh } from './localSh.js';

/** Names a shell would take apart if they were not quoted. */
const NASTY = ["a b;touch pwned", "it's \"quoted\"", '$(touch pwned)', '`touch pwned`', 'new\nline', '-rf'];

describe('statScript: one round trip stats many paths', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ferry-stat-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a file, a directory, a missing path and symlinks in one script', async () => {
    writeFileSync(join(dir, 'f'), 'hello\n', { mode: 0o640 });
    mkdirSync(join(dir, 'd'), { mode: 0o750 });
    symlinkSync('f', join(dir, 'l'));
    symlinkSync('gone', join(dir, 'dangling'));
    const res = await localSh(
      statScript([
        { path: join(dir, 'f'), label: 'f', opts: { checksum: true, contentLimit: 1024 } },
        { path: join(dir, 'd'), label: 'd' },
        { path: join(dir, 'nope'), label: 'nope' },
        { path: join(dir, 'l'), label: 'l', opts: { checksum: true } },
        { path: join(dir, 'dangling'), label: 'dangling' },
      ]),
    );
    expect(res.rc, res.stderr).to.equal(0);
    const { stats } = parseStats(res.stdout);
    expect(stats.f).to.deep.include({ exists: true, type: 'file', mode: 0o640, size: 6, uid: process.getuid?.() });
    expect(stats.f.sha256).to.equal(createHash('sha256').update('hello\n').digest('hex'));
    expect(stats.f.content?.toString()).to.equal('hello\n');
    expect(stats.f.owner).to.be.a('string').and.not.equal('');
    expect(stats.d).to.deep.include({ exists: true, type: 'directory', mode: 0o750 });
    expect(stats.d.sha256).to.equal(undefined);
    expect(stats.nope).to.deep.equal({ exists: false });
    expect(stats.l).to.deep.include({ exists: true, type: 'file', link: 'f' });
    expect(stats.l.content).to.equal(undefined);
    expect(stats.dangling).to.deep.equal({ exists: false, link: 'gone' });
  });

  it('leaves out the content of a file above the limit, but not its checksum', async () => {
    writeFileSync(join(dir, 'big'), 'x'.repeat(2000));
    const res = await localSh(statScript([{ path: join(dir, 'big'), label: 'big', opts: { checksum: true, contentLimit: 1999 } }]));
    const { big } = parseStats(res.stdout).stats;
    expect(big.content).to.equal(undefined);
    expect(big.sha256).to.equal(createHash('sha256').update('x'.repeat(2000)).digest('hex'));
  });

  it('takes every path as one literal word', async () => {
    const calls = NASTY.map((name, i) => ({ path: join(dir, name), label: `p_${'abcdef'[i]}`, opts: { checksum: true, contentLimit: 100 } }));
    for (const name of NASTY) writeFileSync(join(dir, name), name);
    const res = await localSh(`cd ${JSON.stringify(dir)} && ${statScript(calls)}`);
    expect(res.rc, res.stderr).to.equal(0);
    const { stats } = parseStats(res.stdout);
    NASTY.forEach((name, i) => expect(stats[calls[i].label].content?.toString(), name).to.equal(name));
    const pwned = await localSh(`ls -A ${JSON.stringify(dir)}`);
    expect(pwned.stdout.split('\n')).not.to.include('pwned');
  });

  it('fails when a file it must checksum cannot be read', async () => {
    writeFileSync(join(dir, 'secret'), 's', { mode: 0o000 });
    chmodSync(dir, 0o755);
    const script = statScript([{ path: join(dir, 'secret'), label: 'r', opts: { checksum: true } }]);
    // root reads anything: run as the lab's unprivileged user then.
    const res = await localSh(process.getuid?.() === 0 ? `su -s /bin/sh ferryops -c ${shq(script)}` : script);
    expect(res.rc).to.not.equal(0);
    expect(res.stderr).to.match(/Permission denied/);
  });
});

function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
