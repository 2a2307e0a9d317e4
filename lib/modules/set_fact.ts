import { defineModule } from './defineModule.js';

/** set_fact's arguments: any names with their (already rendered) values, plus Ansible's `cacheable`. */
export type SetFactArgs = Record<string, unknown> & { cacheable?: boolean | string };

// Gives a host new variables for the rest of the run; the engine merges a result's `ansible_facts` into the host's facts.
export const setFact = defineModule<SetFactArgs, Record<string, never>, undefined>({
  name: 'set_fact',
  summary: 'Set variables on the host for the tasks and plays that follow (no host is contacted)',
  args: {
    type: 'object',
    minProperties: 1,
    propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    properties: {
      cacheable: { anyOf: [{ type: 'boolean' }, { type: 'string' }], description: "Accepted for Ansible's sake and ignored: ferry keeps no fact cache." },
    },
    additionalProperties: { description: 'A variable to set, with its value (templates rendered in the host scope).' },
  },
  local: true,
  example: `- name: Remember where the token lives
  set_fact:
    token_path: "/etc/ops/{{ inventory_hostname }}.token"`,

  probe: async () => ({}),

  plan(_facts, args) {
    const facts: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(args)) if (name !== 'cacheable') facts[name] = value;
    return { changes: [], result: { ansible_facts: facts } };
  },

  apply: async () => ({}),
});
