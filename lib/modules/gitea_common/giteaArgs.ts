/** Where a Gitea module finds, on the controller, the admin credentials: never in the playbook itself. */
export interface AdminCredentialArgs {
  /** Controller environment variable holding the admin login (default GITEA_ADMIN_USER). */
  admin_user_env?: string;
  /** Controller environment variable holding the admin password (default GITEA_ADMIN_PASSWORD). */
  admin_password_env?: string;
  /** Controller file holding the admin password (instead of the variable); relative to the playbook. */
  admin_password_file?: string;
}

/** Gitea's URL and the admin credentials' sources. */
export interface GiteaAdminArgs extends AdminCredentialArgs {
  gitea_url: string;
}

const ENV_NAME = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } as const;

/** JSON Schema of the Gitea URL (for modules that need only it). */
export const GITEA_URL_PROPERTY = {
  gitea_url: { type: 'string', pattern: '^https?://', description: 'Base URL of Gitea, e.g. https://git.example.com (no credentials in it).' },
} as const;

// The same four arguments, described once, for every module that calls Gitea as a site admin.
export const GITEA_ADMIN_PROPERTIES = {
  ...GITEA_URL_PROPERTY,
  admin_user_env: { ...ENV_NAME, default: 'GITEA_ADMIN_USER', description: 'Controller environment variable with the Gitea site admin login.' },
  admin_password_env: {
    ...ENV_NAME,
    default: 'GITEA_ADMIN_PASSWORD',
    description: 'Controller environment variable with that admin\'s password (a secret: never shown, never in a command line).',
  },
  admin_password_file: {
    type: 'string',
    minLength: 1,
    description: 'Controller file with the admin password instead of the variable (relative to the playbook; one line).',
  },
} as const;
