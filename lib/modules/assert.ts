import { FerryError } from '../errors/FerryError.js';
import { isTrue } from '../template/isTrue.js';
import { defineModule } from './defineModule.js';
import { messageText } from './messageText.js';

/** One condition of `that`, as the engine evaluated it: its text, for the message, and its value. */
export interface Assertion {
  expr: string;
  value: unknown;
}

/** assert's arguments after the engine evaluated `that`. */
export interface AssertArgs {
  that: Assertion | Assertion[];
  fail_msg?: unknown;
  msg?: unknown;
  success_msg?: unknown;
  quiet?: boolean | string;
}

export const DEFAULT_SUCCESS_MSG = 'All assertions passed';

/** A condition as YAML gives it: an expression, or a plain true/false. */
const condition = { anyOf: [{ type: 'string' }, { type: 'boolean' }] };

// Checks conditions on what earlier tasks found and fails the host with a clear message when one does not hold.
export const assert = defineModule<AssertArgs, Record<string, never>, undefined>({
  name: 'assert',
  summary: 'Fail the host unless every condition holds (bare expressions, as in when:)',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['that'],
    properties: {
      that: {
        anyOf: [condition, { type: 'array', minItems: 1, items: condition }],
        description: 'A condition, or a list of them that must all hold; written bare, like when:.',
      },
      fail_msg: { type: 'string', description: 'The message when a condition does not hold. Default "Assertion failed: <condition>".' },
      msg: { type: 'string', description: 'Alias of fail_msg.' },
      success_msg: { type: 'string', description: `The message when every condition holds. Default "${DEFAULT_SUCCESS_MSG}".` },
      quiet: { anyOf: [{ type: 'boolean' }, { type: 'string' }], description: 'Show no message when every condition holds.' },
    },
  },
  evaluate: ['that'],
  local: true,
  prints: true,
  example: `- name: The token file is private
  assert:
    that:
      - token_stat.rc == 0
      - "'600' in token_stat.stdout"
    fail_msg: the token file is readable by others`,

  probe: async () => ({}),

  plan(_facts, args) {
    const all = Array.isArray(args.that) ? args.that : [args.that];
    const broken = all.find((a) => !isTrue(a.value));
    if (broken) {
      throw new FerryError('MODULE', messageText(args.fail_msg ?? args.msg) ?? `Assertion failed: ${broken.expr}`);
    }
    const quiet = typeof args.quiet === 'string' ? /^(true|yes|on|1)$/i.test(args.quiet) : args.quiet === true;
    const msg = quiet ? undefined : (messageText(args.success_msg) ?? DEFAULT_SUCCESS_MSG);
    return { changes: [], msg, result: { msg } };
  },

  apply: async () => ({}),
});
