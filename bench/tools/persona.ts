import type { Fixture } from '../fleet/BenchFleet.js';

/** The rotation's persona, organization, team and token scopes, as playbooks/rotate-ops-persona.yml names them. */
export const PERSONA = 'ops-automation';
export const ORG = 'molecule-ai';
export const TEAM = 'ops';
export const TOKEN_SCOPES = ['read:organization', 'read:notification', 'read:user', 'write:repository'];

// Step 1 of the floor, once from the controller: create the persona (never forced to change its password) and put it
// in the org's team, three plain HTTP requests with the admin's Basic credentials.
export async function ensurePersona(fixture: Fixture): Promise<void> {
  const auth = `Basic ${Buffer.from(`${fixture.admin.user}:${fixture.admin.password}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${fixture.gitea.url}/api/v1${path}`, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok && res.status !== 422) throw new Error(`floor: ${method} ${path} answered ${res.status}`);
    return res.status === 204 ? undefined : res.json();
  };
  const password = `floor-${Math.random().toString(36).slice(2)}-Aa1`;
  await call('POST', '/admin/users', { username: PERSONA, email: `${PERSONA}@example.com`, password, must_change_password: false });
  const teams = (await call('GET', `/orgs/${ORG}/teams`)) as Array<{ id: number; name: string }>;
  const team = teams.find((t) => t.name === TEAM);
  if (!team) throw new Error(`floor: no team ${TEAM} in ${ORG}`);
  await call('PUT', `/teams/${team.id}/members/${PERSONA}`);
}
