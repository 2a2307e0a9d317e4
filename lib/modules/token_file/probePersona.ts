import type { GiteaClient } from '../../gitea/GiteaClient.js';
import { GiteaError } from '../../gitea/GiteaError.js';
import type { PersonaTokens } from './tokenFileTypes.js';

// The persona's tokens as the site admin lists them (names, ids, scopes, last eight characters; never a secret).
export async function probePersona(admin: GiteaClient, persona: string): Promise<PersonaTokens> {
  try {
    return { exists: true, tokens: await admin.listTokens(persona) };
  } catch (err) {
    if (err instanceof GiteaError && err.reason === 'not-found') return { exists: false, tokens: [] };
    throw err;
  }
}
