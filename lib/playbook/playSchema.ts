import { countOrPercent, literalBool, stepList, varsMap, type Schema } from './keywordSchemas.js';

/** Where a secret's value comes from: exactly one of an environment variable or a file. */
const secretSource: Schema = {
  type: 'object',
  properties: { env: { type: 'string', minLength: 1 }, file: { type: 'string', minLength: 1 } },
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  expects: 'either { env: VARIABLE } or { file: PATH }',
};

// The keys a play may have and the shape of each; unknown keys are errors, so a typo never silently does nothing.
export const playSchema: Schema = {
  type: 'object',
  properties: {
    name: { type: 'string', expects: 'a string' },
    hosts: {
      type: ['string', 'array'],
      minLength: 1,
      items: { type: 'string', minLength: 1 },
      expects: 'a host pattern such as "web:&prod", or a list of patterns',
    },
    vars: varsMap,
    vars_files: { type: ['string', 'array'], items: { type: 'string', minLength: 1 }, expects: 'a list of file paths' },
    secrets: {
      type: ['object', 'null'],
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      additionalProperties: secretSource,
      expects: 'a mapping of NAME: { env: VARIABLE } or NAME: { file: PATH }',
    },
    become: literalBool,
    become_user: { type: 'string', minLength: 1, expects: 'a user name' },
    gather_facts: literalBool,
    serial: {
      type: ['integer', 'string', 'array'],
      minimum: 1,
      pattern: countOrPercent.pattern,
      items: countOrPercent,
      expects: 'a host count, a percentage such as "30%", a list of them, or a "{{ template }}"',
    },
    max_fail_percentage: { type: 'number', minimum: 0, maximum: 100, expects: 'a number from 0 to 100' },
    any_errors_fatal: literalBool,
    pre_tasks: stepList,
    tasks: stepList,
    post_tasks: stepList,
    handlers: stepList,
  },
  required: ['hosts'],
  additionalProperties: false,
};

/** The keys of a play, for did-you-mean hints. */
export const PLAY_KEYS: readonly string[] = Object.keys(playSchema.properties as Schema);
