import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planEnvFile, type EnvEdit } from '../../lib/modules/env_line/planEnvFile.js';
import { renderValue } from '../../lib/modules/env_line/renderValue.js';

import { otherLines, set, TOKEN } from './envLineSpecKit.js';

describe('env_line: round trip through /bin/sh: sourcing the file gives the value back exactly', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-envline-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const values: Array<[string, string]> = [
    ['a plain token', TOKEN],
    ['spaces', 'two words  and more'],
    ['dollar and braces', '$HOME ${USER} $(id) $((1+1))'],
    ['quotes', `it's "quoted" ''`],
    ['backticks and backslashes', '`id` \\ \\n \\\\'],
    ['a leading tilde and a colon tilde', '~/x:~root/y'],
    ['globs and semicolons', '*; ls -l ?[a] && echo |'],
    ['a newline and a tab', 'line1\nline2\tend'],
    ['a leading dash', '-n -e'],
    ['non-ASCII', 'žluťoučký kůň'],
    ['empty', ''],
    ['a hash', '#not-a-comment'],
  ];
  values.forEach(([title, value], i) => {
    it(title, () => {
      const file = path.join(dir, `env${i}`);
      const start = `# header\nexport KEY='old'\nA=1\nKEY=dup\n`;
      const text = planEnvFile(start, set({ value })).text;
      writeFileSync(file, text);
      const out = execFileSync('/bin/sh', ['-c', '. "$1"; printf %s "$KEY"', 'sh', file], { encoding: 'utf8' });
      expect(out).to.equal(value);
      expect(planEnvFile(text, set({ value })).changed, 'second run').to.equal(false);
    });
  });

  it('renderValue quotes exactly when the shell would interpret something', () => {
    expect(renderValue('abc-DEF_1.2:3/4,5@6%7+8=9')).to.equal('abc-DEF_1.2:3/4,5@6%7+8=9');
    for (const v of ['a b', '~', 'a*', '$x', '"', "'", '\\', '!', '#', '{a,b}', 'é']) expect(renderValue(v)).to.match(/^'/);
  });
});

describe('env_line: generated files (property check over many shapes)', () => {
  /** Small deterministic PRNG, so a failure reproduces. */
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const pool = [
    '# comment',
    '',
    '   ',
    'A=1',
    "B='x y'",
    'C="$A and \\"q\\""',
    'export D=4',
    'KEY=old',
    'export KEY="old two"',
    "  KEY='o'\\''ld'",
    'KEY=',
    'KEY=$(cat /x)',
    '# persona token',
    'E=`date`',
  ];
  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}`, () => {
      const r = rng(seed);
      const crlf = r() < 0.3;
      const eol = crlf ? '\r\n' : '\n';
      const n = Math.floor(r() * 9);
      let text = Array.from({ length: n }, () => pool[Math.floor(r() * pool.length)]).join(eol);
      if (n > 0 && r() < 0.7) text += eol;
      const edit: EnvEdit = r() < 0.2 ? set({ state: 'absent' }) : set({ value: r() < 0.5 ? TOKEN : `v ${seed} $x`, comment: r() < 0.4 ? 'persona token' : undefined });
      const once = planEnvFile(text, edit);
      const twice = planEnvFile(once.text, edit);
      expect(twice.changed, 'idempotent').to.equal(false);
      const norm = (t: string) => otherLines(t, edit.comment).map((l) => l.replace(/\r$/, '')).filter((l, i, all) => l !== '' || i < all.length - 1);
      expect(norm(once.text)).to.deep.equal(norm(text));
      const assigns = once.text.split(/\r?\n/).filter((l) => /^[ \t]*(export[ \t]+)?KEY=/.test(l));
      expect(assigns.length).to.equal(edit.state === 'absent' ? 0 : 1);
      if (text.includes('\r\n') && once.changed && edit.state !== 'absent') expect(once.text.split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).to.equal(true);
      if (!crlf && edit.state !== 'absent') {
        const out = execFileSync('/bin/sh', ['-c', '. /dev/stdin >/dev/null 2>&1; printf %s "$KEY"'], { input: once.text, encoding: 'utf8' });
        expect(out).to.equal(edit.value);
      }
    });
  }
});
