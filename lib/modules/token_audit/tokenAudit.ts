import { FerryError } from '../../errors/FerryError.js';
import { defineModule } from '../defineModule.js';
import { GITEA_ADMIN_PROPERTIES } from '../gitea_common/giteaArgs.js';
import { DEFAULT_AUDIT_PATHS, DEFAULT_AUDIT_TIMEOUT, DEFAULT_CRON_DIRS } from './auditDefaults.js';
import { probeTokenAudit } from './probeTokenAudit.js';
import { tokenAuditPlan } from './tokenAuditPlan.js';
import type { AuditFacts, TokenAuditArgs } from './tokenAuditTypes.js';

const LAST8 = { type: 'string', pattern: '^\\s*([0-9a-fA-F]{8})?\\s*$' } as const;
const PATHS = { type: 'array', items: { type: 'string', pattern: '^/' } } as const;

// Finds the baked-in consumers of a token before anyone revokes it: every file on the host that holds it, and the
// cron jobs that read such a file. A probe: it changes nothing, runs in check mode, and never handles the token itself.
export const tokenAudit = defineModule<TokenAuditArgs, AuditFacts, never>({
  name: 'token_audit',
  summary: 'Find every file on the host holding a Gitea token (by its last eight or SHA-256) and the cron jobs that read it',
  args: {
    description:
      'Reports host:path:line for each line holding the token, and each crontab entry that names such a file or runs a ' +
      'script naming it. By last_eight (as Gitea lists it) the host greps for a 40-hex word ending in those characters; by ' +
      'sha256 the fingerprint goes to the host on stdin and is compared there; by owner (and token_name) the last eights ' +
      'are read from Gitea on the controller. Only line numbers and last eights come back, never a line. Empty values ' +
      'count as not given. Paths that cannot be read make the result incomplete (complete: false).',
    type: 'object',
    additionalProperties: false,
    properties: {
      last_eight: {
        anyOf: [LAST8, { type: 'array', items: LAST8 }],
        description: 'token_last_eight of the token in Gitea\'s token list (or a list of them).',
      },
      sha256: { type: 'string', pattern: '^\\s*([0-9a-fA-F]{64})?\\s*$', description: 'Hex SHA-256 of the token, for one Gitea no longer lists.' },
      owner: { type: 'string', description: 'A Gitea login: look for its tokens (needs gitea_url and admin credentials on the controller).' },
      token_name: { type: 'string', description: 'With owner: only the token of this name.' },
      paths: { ...PATHS, default: [...DEFAULT_AUDIT_PATHS], description: 'Directories and files to search; * and ? expand on the host.' },
      cron_dirs: { ...PATHS, default: [...DEFAULT_CRON_DIRS], description: 'Directories of crontab files whose entries may read a file holding the token.' },
      timeout: { type: 'integer', minimum: 1, default: DEFAULT_AUDIT_TIMEOUT, description: 'Seconds the search may take on a host.' },
      ...GITEA_ADMIN_PROPERTIES,
    },
  },
  readOnly: true,
  prints: true,
  example: `- name: Who still holds the founder-delegated token
  token_audit:
    last_eight: 3560785f
  register: audit
  become: true`,

  probe: probeTokenAudit,

  plan: tokenAuditPlan,

  async apply() {
    // The plan never has changes: an audit only reports.
    throw new FerryError('INTERNAL', 'token_audit has nothing to apply');
  },
});
