import { expect } from 'chai';
import { frameScript } from '../../lib/transport/framing.js';
import { shellQuote } from '../../lib/transport/shellQuote.js';
import { localShell } from './localShell.js';

describe('shellQuote: any word reaches the shell as itself', function () {
  const words = ['plain', 'with space', "it's", 'a"b', '$(touch /nonexistent/x)', '`id`', '$HOME', 'new\nline', '', '-n', '\\back\\slash', '*?[a]', '!x'];
  for (const word of words) {
    it(JSON.stringify(word), async () => {
      const r = await localShell(`printf '%s' ${shellQuote(word)}`);
      expect(r.stdout).to.equal(word);
    });
  }
  it('refuses a NUL byte', () => expect(() => shellQuote('a\0b')).to.throw(/NUL/));
});

describe('frameScript: script and data both travel on stdin', function () {
  const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const table: { title: string; script: string; stdin?: string | Buffer; rc: number; stdout: string | Buffer }[] = [
    { title: 'stdin reaches the script byte for byte', script: 'cat', stdin: 'line one\nline two', rc: 0, stdout: 'line one\nline two' },
    { title: 'binary stdin survives', script: 'cat', stdin: binary, rc: 0, stdout: binary },
    { title: 'a long stdin (many base64 lines)', script: 'wc -c', stdin: 'x'.repeat(100000), rc: 0, stdout: '100000\n' },
    { title: 'no stdin: reading gives EOF, not the rest of the script', script: 'cat; echo after', rc: 0, stdout: 'after\n' },
    { title: 'exit status of the script is the exit status', script: 'echo out; exit 7', rc: 7, stdout: 'out\n' },
    { title: 'exit status with stdin too', script: 'cat >/dev/null; exit 5', stdin: 'data', rc: 5, stdout: '' },
    { title: 'an empty script is fine', script: '', rc: 0, stdout: '' },
    { title: 'a script without a final newline', script: 'echo a', rc: 0, stdout: 'a\n' },
    { title: 'a script with its own here-document', script: "cat <<'EOF'\nhere\nEOF", rc: 0, stdout: 'here\n' },
    { title: 'a marker-like line in the data is just data', script: 'cat', stdin: '__FERRY_DATA_x__\n', rc: 0, stdout: '__FERRY_DATA_x__\n' },
    { title: 'a script under a timeout still answers', script: 'cat', stdin: 'in', rc: 0, stdout: 'in' },
    { title: 'text stdin under a timeout', script: 'cat; exit 3', stdin: 'in\n', rc: 3, stdout: 'in\n' },
    { title: 'text stdin is taken literally: $, backticks, quotes, CRLF', script: 'cat', stdin: 'a=$(id) `id` $HOME \'q\' "d"\r\n\\n\n', rc: 0, stdout: 'a=$(id) `id` $HOME \'q\' "d"\r\n\\n\n' },
    { title: 'text stdin with non-ASCII UTF-8', script: 'cat', stdin: 'héllo ✓\n', rc: 0, stdout: 'héllo ✓\n' },
    { title: 'exit in a script fed text still ends only the script', script: 'cat >/dev/null; exit 4', stdin: 'x\n', rc: 4, stdout: '' },
  ];
  for (const row of table) {
    it(row.title, async () => {
      const input = frameScript(row.script, row.stdin, row.title.includes('timeout') ? { timeoutMs: 60000 } : {});
      const r = await localShell(input);
      expect(r.rc, r.stderr).to.equal(row.rc);
      if (Buffer.isBuffer(row.stdout)) expect(r.stdoutBytes.equals(row.stdout)).to.equal(true);
      else expect(r.stdout).to.equal(row.stdout);
    });
  }

  it('sends text as a quoted here-document and anything else base64-encoded', function () {
    const text = frameScript('cat >/dev/null', 'tok_9f8e7d6c5b4a39281706\n');
    expect(text).to.match(/^\(__ferry_main\) <<'__FERRY_DATA_[0-9a-f]{24}__'$/m);
    expect(text).to.not.include('base64');
    for (const data of ['no final newline', Buffer.from([0x41, 0xff, 0x0a]), 'nul\0byte\n']) {
      expect(frameScript('cat', data)).to.match(/^base64 -d <<'__FERRY_DATA_[0-9a-f]{24}__' \| __ferry_main$/m);
    }
    const marker = '__FERRY_DATA_00__';
    expect(frameScript('cat', `a\n${marker}\nb\n`, { nonce: '00' })).to.include('base64 -d');
  });

  it('uses a fresh marker each time', function () {
    const marker = (s: string): string => /__FERRY_DATA_([0-9a-f]+)__/.exec(s)![1];
    expect(marker(frameScript('cat', 'a'))).to.not.equal(marker(frameScript('cat', 'a')));
  });
});
