import { DURATION_SCHEMA } from '../assert_recent/parseDuration.js';
import { defineModule } from '../defineModule.js';
import { GITEA_ADMIN_PROPERTIES } from '../gitea_common/giteaArgs.js';
import { applyGiteaToken } from './applyGiteaToken.js';
import { giteaTokenPlan } from './giteaTokenPlan.js';
import type { GiteaTokenArgs, GiteaTokenData, GiteaTokenFacts } from './giteaTokenTypes.js';
import { probeGiteaToken } from './probeGiteaToken.js';

// Revokes a token only when it is provably unused: no use within the burn-in, no copy left on any audited host. The
// revoke that broke five crons for a day is what this refuses to do.
export const giteaToken = defineModule<GiteaTokenArgs, GiteaTokenFacts, GiteaTokenData>({
  name: 'gitea_token',
  summary: 'Revoke a Gitea token (state: absent), guarded by its last use and by an audit of the hosts',
  args: {
    description:
      'Runs on the controller with a site admin\'s Basic credentials. The token is named by last_eight or name among user\'s ' +
      'tokens. unused_for: Gitea\'s last_used_at must be older than that. no_consumers_on: every host listed must have a ' +
      'complete token_audit result in audits for this token, with no finding. A guard that does not hold fails the task with ' +
      'the reason and the remaining consumers; nothing is revoked. A token already gone is ok.',
    type: 'object',
    additionalProperties: false,
    required: ['state', 'user', 'gitea_url'],
    properties: {
      state: { enum: ['absent'], description: 'absent: revoke (minting is token_file\'s work).' },
      user: { type: 'string', minLength: 1, description: 'The Gitea login owning the token.' },
      last_eight: { type: 'string', pattern: '^[0-9a-fA-F]{8}$', description: 'token_last_eight of the token in Gitea\'s list.' },
      name: { type: 'string', minLength: 1, description: 'Instead of last_eight: the token\'s name (every token of that name).' },
      unused_for: { ...DURATION_SCHEMA, description: 'Guard: no use for at least this long (24h, 7d), by Gitea\'s last_used_at.' },
      no_consumers_on: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Guard: hosts that must each have a clean, complete token_audit result in audits (e.g. "{{ groups[\'operator_hosts\'] }}").',
      },
      audits: {
        type: 'array',
        items: { type: ['object', 'null'] },
        description: 'The registered token_audit results of those hosts (see playbooks/revoke-fallback-token.yml for how to gather them).',
      },
      ...GITEA_ADMIN_PROPERTIES,
    },
    // Each branch names its own property: ajv's strict mode wants every required key defined beside it.
    oneOf: [
      { required: ['last_eight'], properties: { last_eight: true } },
      { required: ['name'], properties: { name: true } },
    ],
    dependencies: {
      no_consumers_on: { required: ['audits'], properties: { audits: true } },
      audits: { required: ['no_consumers_on'], properties: { no_consumers_on: true } },
    },
  },
  local: true,
  // What it revoked or would revoke, and why that was allowed, is the point of the task: shown at every verbosity.
  prints: true,
  example: `- name: Revoke the fallback token once it has been unused for the burn-in
  gitea_token:
    state: absent
    user: hongming
    last_eight: 3560785f
    unused_for: 24h
    gitea_url: https://git.example.com
  run_once: true`,

  probe: probeGiteaToken,

  plan: giteaTokenPlan,

  apply: applyGiteaToken,
});
