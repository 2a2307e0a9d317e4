import { ATTRIBUTE_CHECKS, ATTRIBUTE_PROPERTIES } from '../attributeArgs.js';
import { defineModule } from '../defineModule.js';
import { GITEA_ADMIN_PROPERTIES } from '../gitea_common/giteaArgs.js';
import { applyTokenFile } from './applyTokenFile.js';
import { probeTokenFile } from './probeTokenFile.js';
import { DEFAULT_TOKEN_MODE, tokenFilePlan } from './tokenFilePlan.js';
import type { TokenFileArgs, TokenFileData, TokenFileFacts } from './tokenFileTypes.js';

// A file on the host holding a token that authenticates as the persona with exactly the asked scopes; Gitea mints a
// new one only when the stored one is missing, revoked, someone else's, misnamed or scoped differently.
export const tokenFile = defineModule<TokenFileArgs, TokenFileFacts, TokenFileData>({
  name: 'token_file',
  summary: 'Ensure a file holds a Gitea token of the persona with exactly the asked scopes (minted only when needed)',
  args: {
    description:
      'Keeps the stored token when it authenticates as persona, is listed among its tokens under token_name and has exactly the scopes; ' +
      'a mode/owner drift alone is fixed without minting. Otherwise the older token of that name is deleted, a new one minted ' +
      '(admin Basic credentials from the controller), proven with GET /api/v1/user and written atomically. Diffs show ****last4 only.',
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: { type: 'string', minLength: 1, description: 'The token file on the host; a missing directory is created with mode 0700.' },
      persona: { type: 'string', minLength: 1, description: 'Gitea login the token must authenticate as.' },
      scopes: {
        type: 'array',
        minItems: 1,
        items: { type: 'string', minLength: 1 },
        description: 'Exact scope set of the token (compared as sets, the way Gitea normalizes them).',
      },
      token_name: { type: 'string', minLength: 1, description: 'Name of the token in Gitea (default <persona>@<inventory_hostname>).' },
      token: {
        type: 'string',
        minLength: 1,
        description: 'Instead of persona: a literal secret the file must hold (no Gitea calls). Always secret.',
      },
      ...ATTRIBUTE_PROPERTIES,
      mode: { ...ATTRIBUTE_PROPERTIES.mode, default: DEFAULT_TOKEN_MODE },
      ...GITEA_ADMIN_PROPERTIES,
    },
    // Each branch names its own properties: ajv's strict mode wants every required key defined beside it.
    anyOf: [
      { required: ['token'], properties: { token: true } },
      { required: ['persona', 'scopes', 'gitea_url'], properties: { persona: true, scopes: true, gitea_url: true } },
    ],
    not: { required: ['token', 'persona'], properties: { token: true, persona: true } },
  },
  argChecks: ATTRIBUTE_CHECKS,
  alwaysSecret: ['token'],
  example: `- name: Persona token on the host
  token_file:
    path: /etc/molecule-bootstrap/personas/ops-automation/token
    persona: ops-automation
    scopes: [read:organization, read:notification, read:user, write:repository]
    gitea_url: https://git.example.com
  become: true`,

  probe: probeTokenFile,

  plan: tokenFilePlan,

  apply: applyTokenFile,
});
