import { defineModule } from '../defineModule.js';
import { GITEA_ADMIN_PROPERTIES } from '../gitea_common/giteaArgs.js';
import { applyGiteaUser } from './applyGiteaUser.js';
import { giteaUserPlan } from './giteaUserPlan.js';
import type { GiteaUserArgs, GiteaUserData, GiteaUserFacts } from './giteaUserTypes.js';
import { probeGiteaUser } from './probeGiteaUser.js';

// The persona account in Gitea: present, able to use its tokens, in its organization's team. Runs on the controller.
export const giteaUser = defineModule<GiteaUserArgs, GiteaUserFacts, GiteaUserData>({
  name: 'gitea_user',
  summary: 'Ensure a Gitea service account exists (must_change_password false, token use only) and is in an org team',
  args: {
    description:
      'Runs on the controller with a site admin\'s Basic credentials (admin_user_env / admin_password_env / admin_password_file). ' +
      'A new account gets must_change_password false and a random password that is never shown or stored: the persona uses tokens only. ' +
      'An existing account is checked, not edited: prohibit_login or an inactive account is an error (its tokens would be refused). ' +
      'Gitea\'s API does not show another account\'s must_change_password; token_file reports it when Gitea refuses the persona\'s token with 403.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'gitea_url'],
    properties: {
      name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$', description: 'Login of the account.' },
      email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', description: 'E-mail used when creating it (default <name>@noreply.invalid).' },
      full_name: { type: 'string', description: 'Full name used when creating it.' },
      visibility: { enum: ['public', 'limited', 'private'], description: 'Visibility used when creating it (Gitea\'s default: public).' },
      org: { type: 'string', minLength: 1, description: 'Organization whose team the account must be in (with team).' },
      team: { type: 'string', minLength: 1, description: 'Team of org the account must be in (Gitea joins an org only through a team).' },
      ...GITEA_ADMIN_PROPERTIES,
    },
    dependencies: {
      org: { required: ['team'], properties: { team: true } },
      team: { required: ['org'], properties: { org: true } },
    },
  },
  local: true,
  example: `- name: Persona account
  gitea_user:
    name: ops-automation
    full_name: Ops automation
    org: molecule-ai
    team: ops
    gitea_url: https://git.example.com
  run_once: true`,

  probe: probeGiteaUser,

  plan: giteaUserPlan,

  apply: applyGiteaUser,
});
