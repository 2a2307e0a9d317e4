import { compareTests } from './compareTests.js';
import type { TestSpec } from './defineTest.js';
import { resultTests } from './resultTests.js';
import { valueTests } from './valueTests.js';

const BY_NAME = new Map<string, TestSpec>();
for (const spec of [...valueTests, ...compareTests, ...resultTests]) {
  for (const name of [spec.name, ...(spec.aliases ?? [])]) BY_NAME.set(name, spec);
}

/** The test a name (or alias) stands for. */
export function findTest(name: string): TestSpec | undefined {
  return BY_NAME.get(name);
}

// Every test name and alias, sorted, for the parser's check and its did-you-mean.
export const TESTS: readonly string[] = Object.freeze([...BY_NAME.keys()].sort());
