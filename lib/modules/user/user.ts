import { defineModule } from '../defineModule.js';
import { remoteFailure } from '../remoteFailure.js';
import { argvScript } from '../runScript.js';
import { probeUser } from './userProbe.js';
import { userPlan } from './userPlan.js';
import { ACCOUNT_NAME, type UserArgs, type UserData, type UserFacts } from './userTypes.js';

// Ensures a Unix account for a persona whose consumers run as their own user; changing accounts needs root (become: true).
export const user = defineModule<UserArgs, UserFacts, UserData>({
  name: 'user',
  summary: 'Ensure a Unix account exists (or not) with its uid, groups, shell, home and comment; needs root (become: true unless logged in as root)',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { type: 'string', pattern: ACCOUNT_NAME, maxLength: 32, description: 'The account name.' },
      state: { enum: ['present', 'absent'], default: 'present', description: 'absent deletes the account (userdel).' },
      uid: { type: 'integer', minimum: 0, description: 'The user id.' },
      group: { type: 'string', pattern: ACCOUNT_NAME, description: 'The primary group; it must exist.' },
      groups: { type: 'array', items: { type: 'string', pattern: ACCOUNT_NAME }, description: 'Supplementary groups; they must exist.' },
      append: { type: 'boolean', default: false, description: 'false: groups is the full set of supplementary groups; true: only add them.' },
      shell: { type: 'string', minLength: 1, description: 'Login shell.' },
      home: { type: 'string', pattern: '^/', description: 'Home directory (not moved when it changes).' },
      create_home: { type: 'boolean', default: true, description: 'Create the home directory of a new account.' },
      system: { type: 'boolean', default: false, description: 'Create a system account (only when the account is created).' },
      comment: { type: 'string', pattern: '^[^:\\n]*$', description: 'The GECOS field.' },
      remove: { type: 'boolean', default: false, description: 'With state absent: also remove the home directory and mail spool.' },
    },
  },
  example: `- name: Account the ops-automation crons run as
  user:
    name: ops-automation
    system: true
    shell: /usr/sbin/nologin
    groups: [ferryops]
  become: true`,

  probe: probeUser,

  plan: userPlan,

  async apply(ctx, plan, args) {
    const { argv } = plan.data as UserData;
    const res = await ctx.host.exec({ script: argvScript(argv, { hasStdin: false }), become: ctx.become });
    if (res.rc !== 0) throw remoteFailure(ctx.hostname, `${argv[0]} ${args.name}`, res);
    return { result: plan.result };
  },
});
