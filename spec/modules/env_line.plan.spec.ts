import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { planEnvFile, type EnvEdit } from '../../lib/modules/env_line/planEnvFile.js';

import { otherLines, set, TOKEN } from './envLineSpecKit.js';

describe('env_line: planEnvFile', () => {
  // [title, file before, edit, file after]
  const table: Array<[string, string, EnvEdit, string]> = [
    ['key absent: appended', 'A=1\n', set(), 'A=1\nKEY=new\n'],
    ['empty file: appended', '', set(), 'KEY=new\n'],
    ['missing final newline: one added before the new line', 'A=1', set(), 'A=1\nKEY=new\n'],
    ['plain assignment replaced', 'A=1\nKEY=old\nB=2\n', set(), 'A=1\nKEY=new\nB=2\n'],
    ['export prefix kept', 'export KEY=old\n', set(), 'export KEY=new\n'],
    ['leading spaces kept', '  \tKEY=old\n', set(), '  \tKEY=new\n'],
    ['CRLF file: CRLF kept on the replaced line', 'A=1\r\nKEY=old\r\nB=2\r\n', set(), 'A=1\r\nKEY=new\r\nB=2\r\n'],
    ['CRLF file: appended line ends in CRLF', 'A=1\r\n', set(), 'A=1\r\nKEY=new\r\n'],
    ['CRLF file without final newline: CRLF added before', 'A=1\r\nB=2', set(), 'A=1\r\nB=2\r\nKEY=new\r\n'],
    ['duplicate: first replaced, later ones removed', 'KEY=a\nB=2\nexport KEY=b\n  KEY="c"\nC=3\n', set(), 'KEY=new\nB=2\nC=3\n'],
    ['duplicate on the last line without newline: file still ends without one', 'KEY=a\nB=2\nKEY=b', set(), 'KEY=new\nB=2'],
    ['single-quoted old value', "KEY='old value'\n", set(), 'KEY=new\n'],
    ['double-quoted old value with escapes, trailing comment kept', 'KEY="o\\"l d"  # the token\n', set(), 'KEY=new  # the token\n'],
    ['old value spanning lines inside quotes', "KEY='line1\nline2'\nB=2\n", set(), 'KEY=new\nB=2\n'],
    ['old value a command substitution', 'KEY=$(cat "/etc/x y/token")\n', set(), 'KEY=new\n'],
    ['last line without newline replaced, still without', 'A=1\nKEY=old', set(), 'A=1\nKEY=new'],
    ['same value spelled with quotes: left alone', 'KEY="new"\n', set(), 'KEY="new"\n'],
    ['same value: nothing to do', 'A=1\nKEY=new\n', set(), 'A=1\nKEY=new\n'],
    ['comment added above an existing line, with its indent', '  KEY=old\n', set({ comment: 'persona token' }), '  # persona token\n  KEY=new\n'],
    ['comment already above: nothing changes', '# persona token\nKEY=new\n', set({ comment: 'persona token' }), '# persona token\nKEY=new\n'],
    ['comment above in a CRLF file', 'KEY=old\r\n', set({ comment: 'c' }), '# c\r\nKEY=new\r\n'],
    ['comment and value appended', 'A=1\n', set({ comment: 'persona token' }), 'A=1\n# persona token\nKEY=new\n'],
    ['value with spaces and specials: single-quoted', 'KEY=old\n', set({ value: `a b$c"d'e\`f\`` }), `KEY='a b$c"d'\\''e\`f\`'\n`],
    ['empty value', 'KEY=old\n', set({ value: '' }), 'KEY=\n'],
    ['quote always', 'KEY=new\n', set({ quote: 'always' }), "KEY='new'\n"],
    ['quote always: a quoted spelling is kept', 'KEY="new"\n', set({ quote: 'always' }), 'KEY="new"\n'],
    ['quote never writes the value raw', 'KEY=old\n', set({ value: '$(cat /etc/t)', quote: 'never' }), 'KEY=$(cat /etc/t)\n'],
    ['odd quoting of other keys kept', `A='x'\\''y'\nB="$HOME/\\"q\\""\nKEY=1\nC=\`id\`\n`, set(), `A='x'\\''y'\nB="$HOME/\\"q\\""\nKEY=new\nC=\`id\`\n`],
    ['a KEY inside another name is another key', 'MY_KEY=1\nKEY_2=2\n', set(), 'MY_KEY=1\nKEY_2=2\nKEY=new\n'],
    ['absent: every assignment removed', 'A=1\nKEY=x\nexport KEY=y\nB=2\n', set({ state: 'absent' }), 'A=1\nB=2\n'],
    ['absent: the comment above goes too', 'A=1\n# tok\nKEY=x\n', set({ state: 'absent', comment: 'tok' }), 'A=1\n'],
    ['absent: last line without newline', 'A=1\nKEY=x', set({ state: 'absent' }), 'A=1'],
    ['absent: CRLF last line without newline', 'A=1\r\nKEY=x', set({ state: 'absent' }), 'A=1'],
    ['absent and missing: nothing', 'A=1\n', set({ state: 'absent' }), 'A=1\n'],
  ];

  for (const [title, before, edit, after] of table) {
    it(title, () => {
      const plan = planEnvFile(before, edit);
      expect(plan.text).to.equal(after);
      expect(plan.changed).to.equal(before !== after);
    });

    it(`${title}: a second run changes nothing`, () => {
      const once = planEnvFile(before, edit).text;
      const twice = planEnvFile(once, edit);
      expect(twice.changed).to.equal(false);
      expect(twice.text).to.equal(once);
    });

    it(`${title}: only lines of KEY (and its comment) change`, () => {
      const out = planEnvFile(before, edit).text;
      // A file that lacked a final newline gains one only when a line is appended after it.
      const norm = (lines: string[]) => lines.filter((l, i) => l !== '' || i < lines.length - 1).map((l) => l.replace(/\r$/, ''));
      expect(norm(otherLines(out, edit.comment))).to.deep.equal(norm(otherLines(before, edit.comment)));
    });
  }

  it('refuses a KEY line whose quote never closes, naming the line', () => {
    expect(() => planEnvFile("A=1\nKEY='open\n", set())).to.throw(FerryError, /line 2 .*quote never closes/);
  });

  it('refuses to remove a KEY line that runs more commands', () => {
    expect(() => planEnvFile('KEY=1\nKEY=2; echo hi\n', set())).to.throw(FerryError, /line 2 assigns KEY and runs more/);
  });

  it('refuses a value with a NUL byte', () => {
    expect(() => planEnvFile('', set({ value: 'a\0b' }))).to.throw(FerryError, /NUL/);
  });

  describe('masked diff texts', () => {
    const OLD_TOKEN = 'gta_0123456789abcdef0123456789abcdefOLD1';
    const before = `# creds\nexport GITEA_URL=https://git.example\nKEY=${OLD_TOKEN}\nOTHER_SECRET='s3cr3t-passw0rd'\nKEY=dup\n`;
    const plan = planEnvFile(before, set({ value: TOKEN }));

    it('never hold the old or the new value, only fingerprints', () => {
      for (const text of [plan.maskedBefore, plan.maskedAfter]) {
        expect(text).to.not.include(TOKEN);
        expect(text).to.not.include(OLD_TOKEN);
        expect(text).to.not.include(TOKEN.slice(0, -4));
      }
      expect(plan.maskedBefore).to.include(`KEY=****${OLD_TOKEN.slice(-4)}\n`);
      expect(plan.maskedBefore).to.include('KEY=********\n');
      expect(plan.maskedAfter).to.include(`KEY=****${TOKEN.slice(-4)}\n`);
    });

    it("mask other keys' values too, so context lines leak nothing", () => {
      expect(plan.maskedAfter).to.not.include('s3cr3t-passw0rd');
      expect(plan.maskedAfter).to.include("OTHER_SECRET=****w0rd\n");
      expect(plan.maskedAfter).to.include('# creds\n');
    });

    it('while the real text holds the new value', () => {
      expect(plan.text).to.include(`KEY=${TOKEN}\n`);
      expect(plan.text).to.not.include('dup');
    });
  });
});
