import { GiteaClient } from '../../gitea/GiteaClient.js';
import type { ModuleContext } from '../defineModule.js';
import { readAdminCredentials } from './adminCredentials.js';
import type { AdminCredentialArgs } from './giteaArgs.js';

// A Gitea client that authenticates as the site admin with Basic auth, which Gitea's token endpoints demand.
export function adminClient(ctx: ModuleContext, url: string, args: AdminCredentialArgs): GiteaClient {
  const { user, password } = readAdminCredentials(ctx, args);
  return new GiteaClient({ url, auth: { basic: { user, password } } });
}
