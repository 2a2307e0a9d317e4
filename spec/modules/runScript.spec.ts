import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argvScript, shellScript, stdinOf } from '../../lib/modules/runScript.js';
import { shlexSplit } from '../../lib/modules/shlexSplit.js';
import { localSh } from './localSh.js';

describe('runScript: the scripts command and shell send', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ferry-run-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands every word to the program literally, with no shell in between', async () => {
    const words = ['$HOME', 'a|b', 'x;touch pwned', '`touch pwned`', '$(touch pwned)', "it's", 'two\nlines', '*', ''];
    const res = await localSh(argvScript(['printf', '[%s]\\n', ...words], { chdir: dir, hasStdin: false }));
    expect(res.rc, res.stderr).to.equal(0);
    expect(res.stdout).to.equal(words.map((w) => `[${w}]\n`).join(''));
    expect(readdirSync(dir)).to.deep.equal([]);
  });

  it('splits cmd like Ansible, so `echo $HOME | cat` prints its words', async () => {
    const res = await localSh(argvScript(shlexSplit('echo $HOME | cat'), { hasStdin: false }));
    expect(res.stdout).to.equal('$HOME | cat\n');
  });

  it('runs the program, not a shell builtin of the same name', async () => {
    const res = await localSh(argvScript(['echo', '-e', 'a\\tb'], { hasStdin: false }));
    // /bin/echo understands -e; dash's builtin echo would print "-e".
    expect(res.stdout).to.equal('a\tb\n');
  });

  it('feeds stdin to the command, and /dev/null when there is none', async () => {
    expect((await localSh(argvScript(['cat'], { hasStdin: true }), stdinOf('s3cret', undefined))).stdout).to.equal('s3cret\n');
    expect((await localSh(argvScript(['cat'], { hasStdin: true }), stdinOf('raw', false))).stdout).to.equal('raw');
    expect((await localSh(argvScript(['cat'], { hasStdin: false }), 'left over')).stdout).to.equal('');
  });

  it('changes into a directory whatever its name, and fails when it is missing', async () => {
    const odd = join(dir, "a b;$(id)'");
    mkdirSync(odd);
    const ok = await localSh(argvScript(['pwd'], { chdir: odd, hasStdin: false }));
    expect(ok.stdout).to.equal(`${odd}\n`);
    const bad = await localSh(argvScript(['pwd'], { chdir: join(dir, 'missing'), hasStdin: false }));
    expect(bad.rc).to.equal(1);
  });

  it('returns the program\'s exit status', async () => {
    expect((await localSh(argvScript(['sh', '-c', 'exit 7'], { hasStdin: false }))).rc).to.equal(7);
    expect((await localSh(argvScript(['no-such-program-here'], { hasStdin: false }))).rc).to.equal(127);
  });

  it('runs a shell command line with pipes and expansions', async () => {
    const res = await localSh(shellScript('printf "%s\\n" b a | sort | tr "\\n" ,; echo "$((1+1))"', { chdir: dir, hasStdin: false }));
    expect(res.stdout).to.equal('a,b,2\n');
  });

  it('runs the command line with the executable asked', async () => {
    const res = await localSh(shellScript('echo "$0"', { hasStdin: false, executable: '/bin/bash' }));
    expect(res.stdout).to.equal('/bin/bash\n');
  });
});
