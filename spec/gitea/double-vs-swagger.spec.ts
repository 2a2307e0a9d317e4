import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callApi } from '../support/gitea/callApi.js';
import { DOUBLE_ROUTES } from '../support/gitea/routeTable.js';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';
import { loadSwagger, type Swagger } from '../support/gitea/swagger/loadSwagger.js';
import { SwaggerValidator } from '../support/gitea/swagger/SwaggerValidator.js';
import { UNDOCUMENTED_STATUSES } from '../support/gitea/swagger/undocumentedStatuses.js';
import { ADMIN, DRIFT_CASES, driftFixture, ORG, type DriftFixture } from './doubleCases.js';

/** The routes the double claims, exactly those persona work needs. */
const CLAIMED = [
  'GET /version',
  'GET /user',
  'GET /users/{username}',
  'POST /admin/users',
  'GET /orgs/{org}/teams',
  'GET /teams/{id}/members/{username}',
  'PUT /teams/{id}/members/{username}',
  'GET /users/{username}/tokens',
  'POST /users/{username}/tokens',
  'DELETE /users/{username}/tokens/{token}',
];

describe('gitea double against the Gitea 1.25.4 swagger', () => {
  let swagger: Swagger;
  let validator: SwaggerValidator;
  let double: GiteaDouble;
  let fixture: DriftFixture;
  const seen: Array<{ route: string; status: number }> = [];

  before(async () => {
    swagger = loadSwagger();
    validator = new SwaggerValidator(swagger);
    double = await startGiteaDouble({ admin: { user: ADMIN[0], password: ADMIN[1] }, orgs: [{ name: ORG, teams: ['ops', 'dev'] }] });
    fixture = await driftFixture(double);
  });
  after(() => double?.stop());

  it('claims exactly the persona subset, and every claimed route exists in the swagger', () => {
    expect(DOUBLE_ROUTES.map((r) => `${r.method} ${r.path}`)).to.have.members(CLAIMED);
    for (const r of DOUBLE_ROUTES) expect(validator.hasOperation(r.method, r.path), `${r.method} ${r.path}`).to.equal(true);
    expect(swagger.basePath).to.equal('/api/v1');
  });

  for (const c of DRIFT_CASES) {
    it(`${c.title} → ${c.status}, as the swagger describes it`, async () => {
      const req = c.req(fixture);
      const answer = await callApi(double.url, req);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(c.status);
      const logged = double.requests.at(-1);
      expect(logged?.route, 'the path matches one claimed route').to.be.a('string');
      const route = logged?.route ?? '';
      expect(validator.problems(req.method, route, answer.status, answer.body)).to.deep.equal([]);
      if (c.message !== undefined) {
        const message = (answer.body as { message?: string }).message ?? '';
        if (typeof c.message === 'string') expect(message).to.equal(c.message);
        else expect(message).to.match(c.message);
      }
      seen.push({ route: `${req.method} ${route}`, status: answer.status });
    });
  }

  it('exercised every claimed route with a success and a failure', () => {
    for (const route of CLAIMED) {
      const statuses = seen.filter((s) => s.route === route).map((s) => s.status);
      expect(statuses.some((s) => s < 300), `${route} success`).to.equal(true);
      expect(statuses.some((s) => s >= 400), `${route} failure`).to.equal(true);
    }
  });

  it('accepts a status beyond the swagger only where CONTRACT.md says Gitea answers it, and each allowance is used', () => {
    for (const u of UNDOCUMENTED_STATUSES) {
      const routes = CLAIMED.filter((r) => (u.method === '*' || r.startsWith(`${u.method} `)) && (u.path === '*' || r.endsWith(` ${u.path}`)));
      const unlisted = routes.filter((r) => {
        const [method, path] = r.split(' ');
        return !(String(u.status) in swagger.paths[path][method.toLowerCase()].responses);
      });
      expect(unlisted, `${u.method} ${u.path} ${u.status} is needed`).to.not.be.empty;
      expect(seen.some((s) => s.status === u.status && unlisted.includes(s.route)), `${u.method} ${u.path} ${u.status} is used`).to.equal(true);
    }
  });

  it('says plainly where the swagger file should be when it is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-swagger-'));
    try {
      expect(() => loadSwagger(empty)).to.throw(/Gitea API description missing: expected \.\.\/shared\/gitea\/gitea-swagger-v1\.json relative to the repo root/);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it('fails answers that depart from the swagger (the check can fail)', () => {
    const user = { id: 1, login: 'x', username: 'x' };
    expect(validator.problems('GET', '/users/{username}', 200, { ...user, id: 'one' })).to.include('/id must be integer');
    expect(validator.problems('GET', '/users/{username}', 200, user)).to.include('User.email is missing');
    expect(validator.problems('GET', '/version', 200, { version: '1.25.4', build: 'x' })).to.include('ServerVersion.build is not in the swagger');
    expect(validator.problems('GET', '/version', 500, { message: 'boom' })[0]).to.match(/does not list/);
    expect(validator.problems('PUT', '/teams/{id}/members/{username}', 204, { message: 'x' })[0]).to.match(/empty body/);
    expect(validator.problems('GET', '/users/{username}', 404, { url: 'u' })).to.include('an error body needs a string message');
  });
});
