import { FerryError } from '../../errors/FerryError.js';
import { defineModule } from '../defineModule.js';
import { GITEA_URL_PROPERTY } from '../gitea_common/giteaArgs.js';
import { assertIdentityPlan } from './assertIdentityPlan.js';
import type { AssertIdentityArgs, IdentityFacts } from './assertIdentityTypes.js';
import { probeIdentityOnHost } from './probeIdentityOnHost.js';

// Proves, on the host and with the token its consumers really read, that Gitea sees the expected account: the check
// that would have caught a revoked fallback token before five crons failed silently.
export const assertIdentity = defineModule<AssertIdentityArgs, IdentityFacts, never>({
  name: 'assert_identity',
  summary: 'Check on the host that the token its consumers read authenticates to Gitea as the expected login',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['gitea_url', 'login'],
    properties: {
      ...GITEA_URL_PROPERTY,
      login: { type: 'string', minLength: 1, description: 'The login GET /api/v1/user must answer.' },
      env_file: { type: 'string', minLength: 1, description: 'A shell env file the consumers source (read with set -a in a subshell).' },
      key: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', default: 'GITEA_TOKEN', description: 'With env_file: the variable holding the token.' },
      token_file: { type: 'string', minLength: 1, description: 'Instead of env_file: a file holding the token alone.' },
    },
    // Each branch names its own property: ajv's strict mode wants every required key defined beside it.
    oneOf: [
      { required: ['env_file'], properties: { env_file: true } },
      { required: ['token_file'], properties: { token_file: true } },
    ],
    dependencies: { key: { required: ['env_file'], properties: { env_file: true } } },
  },
  readOnly: true,
  prints: true,
  example: `- name: The hosts now act as the persona
  assert_identity:
    env_file: /etc/molecule-bootstrap/all-credentials.env
    login: ops-automation
    gitea_url: https://git.example.com
  become: true`,

  probe: probeIdentityOnHost,

  plan: assertIdentityPlan,

  async apply() {
    // The plan never has changes: a mismatch is thrown by the plan itself.
    throw new FerryError('INTERNAL', 'assert_identity has nothing to apply');
  },
});
