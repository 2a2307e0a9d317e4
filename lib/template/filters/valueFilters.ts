import { isTrue } from '../isTrue.js';
import { TemplateFault } from '../TemplateFault.js';
import { Undefined } from '../Undefined.js';
import { defineFilter, REQUIRED } from './defineFilter.js';

// Filters about presence: the only ones that accept an undefined value.
export const valueFilters = [
  defineFilter({
    name: 'default',
    aliases: ['d'],
    params: [['default_value', ''], ['boolean', false]],
    undefinedOk: true,
    run: (value, p) => (value instanceof Undefined || (isTrue(p.boolean) && !isTrue(value)) ? p.default_value : value),
  }),
  defineFilter({
    name: 'mandatory',
    params: [['msg', null]],
    undefinedOk: true,
    run: (value, p) => {
      if (!(value instanceof Undefined)) return value;
      const message = typeof p.msg === 'string' ? p.msg : `mandatory variable: ${value.message}`;
      throw new TemplateFault('UNDEFINED_VAR', message, value.hint);
    },
  }),
  defineFilter({
    name: 'ternary',
    params: [['true_val', REQUIRED], ['false_val', REQUIRED], ['none_val', null]],
    run: (value, p) => (value === null && p.none_val !== null ? p.none_val : isTrue(value) ? p.true_val : p.false_val),
  }),
];
