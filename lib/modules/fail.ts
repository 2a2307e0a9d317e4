import { FerryError } from '../errors/FerryError.js';
import { defineModule } from './defineModule.js';
import { messageText } from './messageText.js';

/** fail's one argument (a lone template may render it to any value). */
export interface FailArgs {
  msg?: unknown;
}

export const DEFAULT_FAIL_MSG = 'Failed as requested from task';

// Stops a host on purpose with a message of the playbook's own, usually under a `when:`.
export const fail = defineModule<FailArgs, Record<string, never>, undefined>({
  name: 'fail',
  summary: 'Fail the host with a custom message (use with when:)',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      msg: { type: 'string', description: `The failure message. Default "${DEFAULT_FAIL_MSG}".` },
    },
  },
  local: true,
  example: `- name: Refuse to run on a host without a token path
  fail:
    msg: "token_path is not set for {{ inventory_hostname }}"
  when: token_path is undefined`,

  probe: async () => ({}),

  plan(_facts, args) {
    throw new FerryError('MODULE', messageText(args.msg) ?? DEFAULT_FAIL_MSG);
  },

  apply: async () => ({}),
});
