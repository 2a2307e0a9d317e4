import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FerryError, FerryErrors } from '../../../lib/errors/FerryError.js';
import type { BrokenCase } from '../../fixtures/broken/expectations.js';

/** The broken corpus, as a path relative to where mocha runs (messages carry the path as it was given). */
export const BROKEN_DIR = path.relative(process.cwd(), fileURLToPath(new URL('../../fixtures/broken', import.meta.url)));

async function rejection(load: () => Promise<unknown>): Promise<unknown> {
  try {
    await load();
  } catch (e) {
    return e;
  }
  throw new Error('expected the loader to reject, it loaded');
}

// Asserts a loader reports exactly the expected problems, in order, each positioned, none with a stack trace.
export async function expectBroken(c: BrokenCase, load: (file: string) => Promise<unknown>): Promise<void> {
  const err = await rejection(() => load(path.join(BROKEN_DIR, c.file)));
  expect(String((err as Error).message)).not.to.include('    at ');
  if (c.single) {
    expect(err).to.be.instanceOf(FerryError);
    const [code, prefix] = c.problems[0];
    expect((err as FerryError).code).to.equal(code);
    expect((err as FerryError).format().startsWith(path.join(BROKEN_DIR, prefix)), (err as FerryError).format()).to.equal(true);
    return;
  }
  expect(err, String(err)).to.be.instanceOf(FerryErrors);
  const problems = (err as FerryErrors).problems;
  const got = problems.map((p) => `${p.code} ${p.format()}`);
  expect(problems.length, got.join('\n')).to.equal(c.problems.length);
  c.problems.forEach(([code, prefix], i) => {
    const text = problems[i].format();
    expect(problems[i].code, text).to.equal(code);
    expect(text.startsWith(path.join(BROKEN_DIR, prefix)), `${text}\ndoes not start with\n${prefix}`).to.equal(true);
    expect(problems[i].where.line, text).to.be.a('number');
    expect(problems[i].where.col, text).to.be.a('number');
    expect(text).not.to.include('    at ');
  });
  expect((err as FerryErrors).message).to.equal(problems.map((p) => p.format()).join('\n'));
}
