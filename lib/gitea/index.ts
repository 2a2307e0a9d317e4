// The Gitea client as one import for modules and the public API.
export { GiteaClient } from './GiteaClient.js';
export { GiteaError, type GiteaFailure } from './GiteaError.js';
export { normalizeScopes, sameScopes, grantsScopes, parseScopes, SCOPE_CATEGORIES } from './scopes.js';
export { goParseInt, readsAsTokenId } from './goParseInt.js';
export type { GiteaAuth, GiteaClientOptions, GiteaUser, GiteaTeam, GiteaToken, GiteaNewToken, CreateGiteaUser } from './types.js';
