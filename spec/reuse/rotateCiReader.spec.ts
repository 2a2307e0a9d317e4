import { expect } from 'chai';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { callApi } from '../support/gitea/index.js';
import { systemSsh } from '../support/lab/index.js';
import { ENV_FILE } from '../support/seedLayout.js';
import { startReuseLab, statusesOf, type ReuseLab } from './reuseLab.js';

const PLAYBOOK = 'playbooks/rotate-ci-reader.yml';
const PERSONA = 'claude-ci-reader';
const TOKEN_FILE = `/etc/molecule-bootstrap/personas/${PERSONA}/token`;
const READER = '/opt/ci/ci-status-report.sh';
/** A CI consumer: sources the env file, reads with GITEA_CI_READER_TOKEN, fails loudly on anything but 200. */
const READER_SCRIPT = `#!/bin/sh
. ${ENV_FILE}
code=$(printf 'Authorization: token %s\\n' "$GITEA_CI_READER_TOKEN" | curl -s -o /dev/null -w '%{http_code}' -H @- "$GITEA_URL/api/v1/user")
[ "$code" = 200 ] || { echo "ci-status-report: gitea answered HTTP $code" >&2; exit 1; }
echo "ci-status-report: ok"
`;
const CONSUMERS = JSON.stringify({ consumer_crons: ['ci-status-report'], consumer_commands: [{ command: `sh ${READER}`, user: 'root' }] });

describe('reuse: playbooks/rotate-ci-reader.yml rotates a second persona with the generic playbook', function () {
  this.timeout(120_000);
  let r: ReuseLab;
  let old: string;
  let opsToken: string;
  const envText = (url: string) => `GITEA_URL=${url}\nGITEA_TOKEN=OPS_TOKEN\nGITEA_CI_READER_TOKEN=${old}\n`;
  const rotate = (report: string, ...extra: string[]) => r.ferry(PLAYBOOK, report, '-e', CONSUMERS, ...extra);
  const tokenOf = (i: number) => readFileSync(r.lab.hosts[i].pathOf(TOKEN_FILE), 'utf8').trim();

  before(async () => {
    r = await startReuseLab(2, ['ci-readers']);
    r.gitea.seedUser({ login: 'hongming' });
    old = r.gitea.seedToken('hongming', 'ci-reader-fallback', ['read:repository', 'read:user']);
    r.gitea.revokeToken(old);
    r.gitea.seedUser({ login: 'ops-automation' });
    opsToken = r.gitea.seedToken('ops-automation', 'ops', ['read:user']);
    for (const h of r.lab.hosts) {
      r.put(h, ENV_FILE, envText(r.gitea.url).replace('OPS_TOKEN', opsToken), 0o600);
      r.put(h, READER, READER_SCRIPT, 0o755);
      r.put(h, '/etc/cron.d/ci-status-report', `SHELL=/bin/sh\n*/10 * * * * root ${READER}\n`);
    }
  });
  after(async () => r?.stop());

  it('--check changes nothing and announces the persona, the token and the env line', async () => {
    const before = await Promise.all(r.lab.hosts.map((h) => r.lab.hashTree(h.name)));
    const res = await rotate('check.json', '--check', '--diff');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(await Promise.all(r.lab.hosts.map((h) => r.lab.hashTree(h.name)))).to.deep.equal(before);
    expect(res.stdout).to.match(/create Gitea user claude-ci-reader/i);
    expect(res.stdout).to.match(/^\+GITEA_CI_READER_TOKEN=\*{4}/m);
    expect(r.gitea.users().map((u) => u.login)).not.to.include(PERSONA);
  });

  it('rotates: a read-only 0600 token per host, GITEA_CI_READER_TOKEN reads it, GITEA_TOKEN untouched, consumers green', async () => {
    const { value: res, argvs } = await r.argvsDuring(() => rotate('real.json'));
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(r.gitea.users().find((u) => u.login === PERSONA)).to.deep.include({ must_change_password: false, teams: ['molecule-ai/ci-readers'] });
    expect(r.gitea.tokens(PERSONA).map((t) => t.scopes)).to.deep.equal([
      ['read:organization', 'read:repository', 'read:user'],
      ['read:organization', 'read:repository', 'read:user'],
    ]);
    const minted: string[] = [];
    for (const [i, h] of r.lab.hosts.entries()) {
      const token = tokenOf(i);
      minted.push(token);
      expect(statSync(h.pathOf(TOKEN_FILE)).mode & 0o777).to.equal(0o600);
      const who = await callApi(r.gitea.url, { method: 'GET', path: '/user', auth: { token } });
      expect((who.body as { login: string }).login).to.equal(PERSONA);
      const env = readFileSync(h.pathOf(ENV_FILE), 'utf8');
      expect(env).to.include(`GITEA_CI_READER_TOKEN=$(cat ${TOKEN_FILE})`);
      expect(env).to.include(`GITEA_TOKEN=${opsToken}\n`);
      expect(env).to.include('# claude-ci-reader persona token (read-only), managed by ferry rotate-ci-reader');
      const run = await systemSsh(r.lab, h, 'root', READER);
      expect(run.rc, run.stderr).to.equal(0);
      expect(statusesOf(r.report('real.json'), h.name, 'cron_script'), h.name).to.deep.equal(['ok', 'ok']);
      expect(statusesOf(r.report('real.json'), h.name, 'assert_identity'), h.name).to.deep.equal(['ok']);
    }
    expect(new Set(minted).size).to.equal(2);
    expect(res.stdout).to.match(/authenticated as claude-ci-reader/);
    const report = readFileSync(join(r.work, 'real.json'), 'utf8');
    for (const s of [...minted, old, opsToken]) {
      expect(res.stdout + res.stderr + report).not.to.include(s);
      expect(argvs.find((a) => a.includes(s)), 'argv on a host').to.equal(undefined);
    }
  });

  it('a second run changes nothing and mints nothing', async () => {
    const before = r.gitea.tokens(PERSONA).map((t) => t.id);
    const res = await rotate('again.json');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    for (const h of r.lab.hosts) expect(r.report('again.json').hosts[h.name].changed, h.name).to.equal(0);
    expect(r.gitea.tokens(PERSONA).map((t) => t.id)).to.deep.equal(before);
  });

  it('is the generic playbook with other values: its own file only names the vars file', () => {
    const text = readFileSync('playbooks/rotate-ci-reader.yml', 'utf8');
    expect(text).to.match(/persona_vars: vars\/claude-ci-reader\.yml/);
    expect(text).to.match(/^- import_playbook: rotate-persona\.yml$/m);
    expect(text).not.to.match(/token_file:|env_line:|cron_script:|gitea_user:|assert_identity:/);
  });
});
