// The Gitea test double: an in-process Gitea 1.25.4 for specs, checked against Gitea's own swagger.
export { startGiteaDouble, DEFAULT_ADMIN, type GiteaDouble, type LoggedRequest } from './startGiteaDouble.js';
export { callApi, type ApiAnswer, type ApiRequest, type SpecAuth } from './callApi.js';
