import { isDict } from '../data.js';
import { asInteger } from '../filters/argTypes.js';
import { REQUIRED } from '../filters/defineFilter.js';
import { isTrue } from '../isTrue.js';
import { Undefined } from '../Undefined.js';
import { defineTest } from './defineTest.js';

const isString = (v: unknown): v is string => typeof v === 'string';

// Tests about what a value is: presence, type, truth and parity.
export const valueTests = [
  defineTest({ name: 'defined', undefinedOk: true, run: (v) => !(v instanceof Undefined) }),
  defineTest({ name: 'undefined', undefinedOk: true, run: (v) => v instanceof Undefined }),
  defineTest({ name: 'none', run: (v) => v === null }),
  defineTest({ name: 'true', run: (v) => v === true }),
  defineTest({ name: 'false', run: (v) => v === false }),
  defineTest({ name: 'boolean', run: (v) => typeof v === 'boolean' }),
  defineTest({ name: 'string', run: (v) => isString(v) }),
  defineTest({ name: 'number', run: (v) => typeof v === 'number' }),
  defineTest({ name: 'integer', run: (v) => typeof v === 'number' && Number.isInteger(v) }),
  defineTest({ name: 'float', run: (v) => typeof v === 'number' && !Number.isInteger(v) }),
  defineTest({ name: 'mapping', run: (v) => isDict(v) }),
  defineTest({ name: 'sequence', aliases: ['iterable'], run: (v) => Array.isArray(v) || isString(v) || isDict(v) }),
  defineTest({ name: 'truthy', run: (v) => isTrue(v) }),
  defineTest({ name: 'falsy', run: (v) => !isTrue(v) }),
  defineTest({ name: 'even', run: (v) => asInteger(v, 'even') % 2 === 0 }),
  defineTest({ name: 'odd', run: (v) => Math.abs(asInteger(v, 'odd') % 2) === 1 }),
  defineTest({ name: 'divisibleby', params: [['num', REQUIRED]], run: (v, p) => asInteger(v, 'divisibleby') % asInteger(p.num, 'divisibleby', 'num') === 0 }),
  defineTest({ name: 'lower', run: (v) => isString(v) && v === v.toLowerCase() }),
  defineTest({ name: 'upper', run: (v) => isString(v) && v === v.toUpperCase() }),
];
