import { GiteaClient } from '../../gitea/GiteaClient.js';
import { GiteaError } from '../../gitea/GiteaError.js';
import type { TokenIdentity } from './tokenFileTypes.js';

// Asks Gitea whose token the file holds (`GET /api/v1/user`); the answers that mean "this token is no good" become facts.
export async function probeIdentity(giteaUrl: string, token: string): Promise<TokenIdentity> {
  try {
    const user = await new GiteaClient({ url: giteaUrl, auth: { token } }).currentUser();
    return { kind: 'user', login: user.login };
  } catch (err) {
    if (!(err instanceof GiteaError)) throw err;
    if (err.reason === 'credentials') return { kind: 'rejected' };
    if (err.reason === 'must-change-password') return { kind: 'must-change-password' };
    if (err.reason === 'login-prohibited') return { kind: 'login-prohibited' };
    if (err.reason === 'scope') return { kind: 'no-read-user' };
    throw err;
  }
}
