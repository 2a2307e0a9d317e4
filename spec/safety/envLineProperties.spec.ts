import { expect } from 'chai';
import fc from 'fast-check';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModuleContext } from '../../lib/modules/defineModule.js';
import { envLine } from '../../lib/modules/env_line/envLine.js';
import { envLinePlan } from '../../lib/modules/env_line/envLinePlan.js';
import type { EnvFileFacts, EnvLineArgs } from '../../lib/modules/env_line/envLineTypes.js';
import { findAssignments } from '../../lib/modules/env_line/findAssignments.js';
import { LocalHost } from '../../lib/transport/LocalHost.js';

const KEY = 'KEY';
const PATH = '/etc/app/app.env';
const IS_TARGET = /^[ \t]*(export[ \t]+)?KEY=/;

/** One byte as a latin1 character, printable or high (non-UTF-8 on its own), never a line break, minus `bad`. */
const byte = (bad = '') =>
  fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c))
    .filter((ch) => !bad.includes(ch));
const bytes = (bad: string, maxLength: number) => fc.string({ unit: byte(bad), maxLength });

/** A shell word that means one literal value: plain, single-quoted or double-quoted (no expansions). */
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_./:@%+-]{0,12}$/),
  bytes("'", 12).map((s) => `'${s}'`),
  bytes('"$`\\', 12).map((s) => `"${s}"`),
);
const indent = fc.constantFrom('', '  ', '\t');
const exported = fc.constantFrom('', 'export ', 'export\t');

/** A line that is not an assignment of KEY: comments (any bytes), blanks, other keys (some named like KEY). */
const otherLine = fc.oneof(
  bytes('', 24).map((s) => `#${s}`),
  fc.constantFrom('', '   '),
  fc
    .tuple(indent, exported, fc.constantFrom('A', 'KEY2', 'KEYS', 'MY_KEY', '_K'), word)
    .map(([i, e, name, w]) => `${i}${e}${name}=${w}`),
);
/** An assignment of KEY on a line of its own, however it is spelled. */
const targetLine = fc
  .tuple(indent, exported, word, fc.constantFrom('', '  ', ' # note'))
  .map(([i, e, w, tail]) => `${i}${e}${KEY}=${w}${tail}`);

/** A whole env file: LF or CRLF, with or without a final newline, KEY assigned zero, one or many times. */
const envFile = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: otherLine }, { weight: 1, arbitrary: targetLine }), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, final]) => ({ text: lines.join(eol) + (lines.length && final ? eol : ''), eol }));

/** Any value without NUL or a line break (UTF-8, quotes, $, backticks, backslashes); newlines get their own property. */
const value = fc.string({ unit: 'grapheme', maxLength: 16 }).filter((s) => !/[\0\n\r]/.test(s));

const linesOf = (text: string): string[] => text.split(/(?<=\n)/).filter((l) => l !== '');
const othersOf = (text: string): string => linesOf(text).filter((l) => !IS_TARGET.test(l)).join('');
const factsOf = (text: string): EnvFileFacts => ({
  file: { exists: true, type: 'file', mode: 0o640, uid: 0, gid: 0, owner: 'root', group: 'root', content: Buffer.from(text, 'latin1') },
  parent: { exists: true, type: 'directory' },
});
/** The file's text after the plan: the planned bytes, or the same text when nothing changes. */
const planned = (text: string, args: EnvLineArgs): { after: string; changed: boolean } => {
  const plan = envLinePlan(factsOf(text), args);
  return plan.data?.bytes ? { after: plan.data.bytes.toString('latin1'), changed: true } : { after: text, changed: plan.changes.length > 0 };
};
const asFileBytes = (v: string) => Buffer.from(v, 'utf8').toString('latin1');

describe("env_line's planner on generated env files (fast-check)", () => {
  it('present: KEY ends up assigned once, to the value; every other line is kept byte for byte; a second plan changes nothing', () => {
    fc.assert(
      fc.property(envFile, value, fc.constantFrom('auto' as const, 'always' as const), ({ text, eol }, v, quote) => {
        const args: EnvLineArgs = { path: PATH, key: KEY, value: v, quote };
        const { after } = planned(text, args);
        const mine = findAssignments(after).filter((a) => a.key === KEY);
        expect(mine).to.have.length(1);
        expect(mine[0].literal).to.equal(asFileBytes(v));
        const lines = linesOf(text);
        const keyLines = lines.flatMap((l, i) => (IS_TARGET.test(l) ? [i] : []));
        const open = text.length > 0 && !text.endsWith('\n');
        let expected = othersOf(text);
        // Appending to a file without a final newline first ends its last line, with the file's own line ending;
        // removing a later duplicate that was its last line leaves it without one still.
        if (keyLines.length === 0 && open) expected += text.includes('\n') ? eol : '\n';
        if (open && keyLines.length > 1 && keyLines.at(-1) === lines.length - 1) {
          const removed = new Set(keyLines.slice(1));
          const lastKept = Math.max(...lines.map((_, i) => (removed.has(i) ? -1 : i)));
          if (lastKept !== keyLines[0]) expected = expected.replace(/\r?\n$/, '');
        }
        expect(othersOf(after)).to.equal(expected);
        expect(planned(after, args)).to.deep.equal({ after, changed: false });
      }),
      { numRuns: 600 },
    );
  });

  it('absent: every assignment of KEY goes, nothing else does, and a second plan changes nothing', () => {
    fc.assert(
      fc.property(envFile, ({ text }) => {
        const args: EnvLineArgs = { path: PATH, key: KEY, state: 'absent' };
        const { after } = planned(text, args);
        expect(linesOf(after).filter((l) => IS_TARGET.test(l))).to.deep.equal([]);
        const lastIsKey = IS_TARGET.test(linesOf(text).at(-1) ?? '');
        // A file without a final newline keeps having none when its last line goes.
        const expected = lastIsKey && !text.endsWith('\n') ? othersOf(text).replace(/\r?\n$/, '') : othersOf(text);
        expect(after).to.equal(expected);
        expect(planned(after, args)).to.deep.equal({ after, changed: false });
      }),
      { numRuns: 400 },
    );
  });

  it('any value, newlines and all, reads back from the file as itself and is idempotent', () => {
    const anyValue = fc.string({ unit: 'binary', maxLength: 24 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(envFile, anyValue, ({ text }, v) => {
        const args: EnvLineArgs = { path: PATH, key: KEY, value: v };
        const { after } = planned(text, args);
        const mine = findAssignments(after).filter((a) => a.key === KEY);
        expect(mine.map((a) => a.literal)).to.deep.equal([asFileBytes(v)]);
        expect(planned(after, args).changed).to.equal(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("env_line's writer on generated env files (fast-check, real files through the controller's shell)", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ferry-envline-prop-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the planned bytes, keeps the mode, keeps the original beside it, and applying twice equals once', async () => {
    const host = new LocalHost();
    const ctx: ModuleContext = { host, hostname: host.name, become: false, check: false, baseDir: dir, secret: () => {}, log: () => {} };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(envFile, value, async ({ text }, v) => {
        const file = join(dir, `case-${n++}.env`);
        writeFileSync(file, Buffer.from(text, 'latin1'));
        chmodSync(file, 0o640);
        const args: EnvLineArgs = { path: file, key: KEY, value: v, backup: true };
        const plan = envLine.plan(await envLine.probe(ctx, args), args);
        const expected = planned(text, args).after;
        if (plan.changes.length) {
          const applied = await envLine.apply(ctx, plan, args);
          const backup = String(applied.result?.backup_file);
          expect(readFileSync(backup).toString('latin1')).to.equal(text);
          expect(statSync(backup).mode & 0o7777).to.equal(0o640);
        }
        expect(readFileSync(file).toString('latin1')).to.equal(expected);
        expect(statSync(file).mode & 0o7777).to.equal(0o640);
        const again = envLine.plan(await envLine.probe(ctx, args), args);
        expect(again.changes).to.deep.equal([]);
      }),
      { numRuns: 15 },
    );
  });
});
