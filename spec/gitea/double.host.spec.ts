import { expect } from 'chai';
import { startLab, systemSsh, type Lab } from '../support/lab/index.js';
import { startGiteaDouble, type GiteaDouble } from '../support/gitea/startGiteaDouble.js';

describe('gitea double seen from an SSH test host', () => {
  let lab: Lab;
  let double: GiteaDouble;

  before(async () => {
    [lab, double] = await Promise.all([startLab({ count: 1 }), startGiteaDouble()]);
    double.seedUser({ login: 'ops-automation', password: 'persona-pass-1' });
  });
  after(async () => {
    await Promise.all([lab?.stop(), double?.stop()]);
  });

  // What the operators' acceptance check ran on the host: curl -H "Authorization: token $GITEA_TOKEN" /api/v1/user.
  const whoami = (token: string) =>
    systemSsh(lab, lab.hosts[0], 'root', `curl -sS -w '\\n%{http_code}' -H @- ${double.url}/api/v1/user`, `Authorization: token ${token}\n`);

  it('answers curl on the host at 127.0.0.1:PORT, with the token read from stdin', async () => {
    const token = double.seedToken('ops-automation', 'ops-1', ['read:user']);
    const r = await whoami(token);
    expect(r.rc, r.stderr).to.equal(0);
    const [body, status] = r.stdout.split('\n');
    expect(status).to.equal('200');
    expect(JSON.parse(body)).to.include({ login: 'ops-automation' });
    expect(double.requests.at(-1)).to.include({ route: '/user', status: 200, auth: 'token' });
  });

  it('answers 401 to the host once the token is deleted from the database', async () => {
    const token = double.seedToken('ops-automation', 'ops-2', ['read:user']);
    double.revokeToken(token);
    const r = await whoami(token);
    expect(r.stdout.split('\n')).to.deep.equal(['{"message":"invalid username, password or token","url":"' + double.url + '/api/swagger"}', '401']);
  });
});
