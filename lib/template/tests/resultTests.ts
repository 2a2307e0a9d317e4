import { aType, isDict } from '../data.js';
import { isTrue } from '../isTrue.js';
import { fail } from '../TemplateFault.js';
import { defineTest } from './defineTest.js';

/** The flag of a registered result, or a clear error when the value is not one. */
function flag(value: unknown, key: string, test: string): boolean {
  if (!isDict(value)) fail(`test '${test}' expects a registered result (a dict), got ${aType(value)}`, 'register the task first: register: result');
  return isTrue(value[key]);
}

// Ansible's tests on registered task results: `result is failed`, `is changed`, `is succeeded`, `is skipped`.
export const resultTests = [
  defineTest({ name: 'failed', aliases: ['failure'], run: (v) => flag(v, 'failed', 'failed') }),
  defineTest({ name: 'succeeded', aliases: ['success', 'successful'], run: (v) => !flag(v, 'failed', 'succeeded') }),
  defineTest({ name: 'changed', aliases: ['change'], run: (v) => flag(v, 'changed', 'changed') }),
  defineTest({ name: 'skipped', aliases: ['skip'], run: (v) => flag(v, 'skipped', 'skipped') }),
];
