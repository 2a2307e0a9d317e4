import { ATTRIBUTE_CHECKS, ATTRIBUTE_PROPERTIES } from '../attributeArgs.js';
import { changeFile } from '../changes/changeFile.js';
import { defineModule } from '../defineModule.js';
import { envLinePlan } from './envLinePlan.js';
import { probeEnvFile } from './envLineProbe.js';
import type { EnvFileFacts, EnvLineArgs, EnvLineData } from './envLineTypes.js';

// Points one variable of a shared shell env file at a new value (a token) without disturbing a byte of the rest.
export const envLine = defineModule<EnvLineArgs, EnvFileFacts, EnvLineData>({
  name: 'env_line',
  summary: 'Ensure KEY=VALUE in a shell env file (every assignment of KEY, export too), every other byte kept',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['path', 'key'],
    properties: {
      path: { type: 'string', minLength: 1, description: 'The env file on the host; a symlink is followed and kept.' },
      key: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'The variable name.' },
      value: { type: 'string', description: 'The value (always a secret: never shown, never on a command line). Required unless state is absent.' },
      state: { enum: ['present', 'absent'], default: 'present', description: 'absent removes every assignment of key.' },
      comment: { type: 'string', pattern: '^[^\\r\\n]*$', description: 'Kept as "# <comment>" on the line just above the assignment.' },
      quote: {
        enum: ['auto', 'always', 'never'],
        default: 'auto',
        description: "auto: single-quote the value when the shell would interpret any of its characters; always: always quote; never: write it raw (it expands when sourced).",
      },
      backup: { type: 'boolean', default: false, description: "Keep the old copy beside the file as <path>.bak.<UTC time> (mode and owner kept) rather than in ferry's backup store." },
      create: { type: 'boolean', default: false, description: 'Create the file when it is missing (mode 0600 unless mode is given); otherwise a missing file is an error.' },
      ...ATTRIBUTE_PROPERTIES,
    },
    // Each branch names its own property: ajv's strict mode wants every required key defined beside it.
    anyOf: [{ required: ['value'], properties: { value: true } }, { required: ['state'], properties: { state: { const: 'absent' } } }],
  },
  argChecks: ATTRIBUTE_CHECKS,
  alwaysSecret: ['value'],
  example: `- name: Point the operator crons at the persona token
  env_line:
    path: /etc/molecule-bootstrap/all-credentials.env
    key: GITEA_TOKEN
    value: "{{ persona_token }}"
    comment: ops-automation persona, managed by ferry
    backup: true
  become: true`,

  probe: (ctx, args) => probeEnvFile(ctx, args.path),

  plan: envLinePlan,

  async apply(ctx, plan) {
    const data = plan.data as EnvLineData;
    const result: Record<string, unknown> = { ...plan.result };
    const edit = data.bytes ? { bytes: data.bytes, write: data.write } : { attrs: data.attrs };
    const change = await changeFile(ctx, { path: data.path, beside: data.backup, ...edit });
    if (data.backup && change.backup !== undefined) result.backup_file = change.backup;
    return { result, files: [change] };
  },
});
