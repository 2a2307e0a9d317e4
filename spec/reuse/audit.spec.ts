import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReuseLab, messagesOf, statusesOf, type ReuseLab } from './reuseLab.js';

const PLAYBOOK = 'playbooks/audit-token-consumers.yml';
const ENV = '/etc/molecule-bootstrap/all-credentials.env';
const DROP_IN = '/etc/systemd/system/gitea-mirror.service.d/token.conf';
const SCRIPT = '/opt/tools/mirror-sync.sh';
const DOTFILE = '/home/ferryops/.netrc';
const POLL = '/opt/operator-config/ops/molecule-deploy-poll.sh';

describe('token consumer audit: playbooks/audit-token-consumers.yml on real hosts', function () {
  this.timeout(120_000);
  let r: ReuseLab;
  let token: string;
  let other: string;
  let l8: string;
  // Every place the token is planted, by host: path and line.
  let expected: Record<string, string[]>;

  before(async () => {
    r = await startReuseLab(3);
    r.gitea.seedUser({ login: 'hongming' });
    token = r.gitea.seedToken('hongming', 'ceo-delegated', ['all']);
    other = r.gitea.seedToken('hongming', 'unrelated', ['read:user']);
    l8 = token.slice(-8);
    const [h1, h2, h3] = r.lab.hosts;
    // host1: the seed's shared env file, sourced by a cron's script.
    r.put(h1, ENV, `# operator host credentials\nGITEA_URL=${r.gitea.url}\n\nGITEA_TOKEN=${token}\n`, 0o600);
    r.put(h1, POLL, `#!/bin/sh\n. ${ENV}\necho polled\n`, 0o755);
    r.put(h1, '/etc/cron.d/molecule-deploy-poll', `SHELL=/bin/sh\n*/5 * * * * root ${POLL} >> /var/log/molecule-deploy-poll.log 2>&1\n`);
    // host2: a systemd drop-in, a script a user crontab runs, a dotfile in a home directory.
    r.put(h2, DROP_IN, `[Service]\nEnvironment=MIRROR_TOKEN=${token}\n`, 0o600);
    r.put(h2, SCRIPT, `#!/bin/sh\nset -e\nTOKEN="${token}"\nexec true\n`, 0o700);
    r.put(h2, '/var/spool/cron/crontabs/root', `# m h dom mon dow command\n17 * * * * ${SCRIPT}\n`, 0o600);
    r.put(h2, DOTFILE, `machine git.example.com login hongming password ${token}\n`, 0o600);
    // host3: only another token, and the token's last eight inside a longer word, which is no copy.
    r.put(h3, ENV, `GITEA_TOKEN=${other}\nNOTE=build-${token}x\n`, 0o600);
    expected = {
      [h1.name]: [`${h1.name}:${ENV}:4`],
      [h2.name]: [`${h2.name}:${DOTFILE}:1`, `${h2.name}:${SCRIPT}:3`, `${h2.name}:${DROP_IN}:2`],
      [h3.name]: [],
    };
  });
  after(async () => r?.stop());

  /** What each host's audit message lists, as `host:path:line`. */
  const foundIn = (report: any, host: string): string[] =>
    messagesOf(report, host, 'token_audit').flatMap((m) => [...m.matchAll(/^ {2}(\S+:\d+) \(…[0-9a-f]{8}\)$/gm)].map((x) => x[1])).sort();
  const secrets = () => [token, other, createHash('sha256').update(token).digest('hex')];

  // [title, extra vars]
  const ways: Array<[string, () => string[]]> = [
    ['by the last eight Gitea lists', () => ['-e', `last_eight=${l8}`]],
    ['by owner and token name, looked up in Gitea', () => ['-e', 'token_owner=hongming', '-e', 'token_name=ceo-delegated']],
    ['by the SHA-256 of the token, compared on each host', () => ['-e', `token_sha256=${createHash('sha256').update(token).digest('hex')}`]],
  ];
  for (const [i, [title, extra]] of ways.entries()) {
    it(`${title}: the right hosts and lines, the cron readers, exit 0, and the token nowhere in output or argv`, async () => {
      const { value: res, argvs } = await r.argvsDuring(() => r.ferry(PLAYBOOK, `audit-${i}.json`, ...extra()));
      expect(res.code, res.stdout + res.stderr).to.equal(0);
      const report = r.report(`audit-${i}.json`);
      for (const h of r.lab.hosts) {
        expect(foundIn(report, h.name), h.name).to.deep.equal([...expected[h.name]].sort());
        expect(statusesOf(report, h.name, 'token_audit'), h.name).to.deep.equal(['ok']);
        for (const where of expected[h.name]) expect(res.stdout).to.include(where);
      }
      const [h1, h2, h3] = r.lab.hosts.map((h) => messagesOf(report, h.name, 'token_audit')[0]);
      expect(h1).to.include(`read by cron:\n  /etc/cron.d/molecule-deploy-poll:2 via ${POLL} reads ${ENV}`);
      expect(h2).to.include(`/var/spool/cron/crontabs/root:2 reads ${SCRIPT}`);
      expect(h3).to.match(i === 2 ? /^the token of that SHA-256: no copy under \/etc, \/opt, \/root, / : new RegExp(`^…${l8}: no copy under /etc, /opt, /root, `));
      expect(h3).to.include('/home/ferryops');
      const shown = res.stdout + res.stderr + readFileSync(join(r.work, `audit-${i}.json`), 'utf8');
      for (const s of secrets()) {
        expect(shown, 'console and report').not.to.include(s);
        expect(argvs.find((a) => a.includes(s)), 'argv on a host').to.equal(undefined);
      }
      expect(argvs.some((a) => a.includes('"grep"')), 'the trace saw the search').to.equal(true);
    });
  }

  it('--check runs the same probe, changes nothing on any host, and reports the same findings', async () => {
    const before = await Promise.all(r.lab.hosts.map((h) => r.lab.hashTree(h.name)));
    const res = await r.ferry(PLAYBOOK, 'check.json', '--check', '-e', `last_eight=${l8}`);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    expect(await Promise.all(r.lab.hosts.map((h) => r.lab.hashTree(h.name)))).to.deep.equal(before);
    for (const h of r.lab.hosts) expect(foundIn(r.report('check.json'), h.name)).to.deep.equal([...expected[h.name]].sort());
  });

  it('a token that is on no host: nothing found anywhere, still exit 0', async () => {
    const res = await r.ferry(PLAYBOOK, 'none.json', '-e', 'last_eight=0badf00d');
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    for (const h of r.lab.hosts) expect(foundIn(r.report('none.json'), h.name)).to.deep.equal([]);
    expect(res.stdout).to.include('…0badf00d: no copy under');
  });

  it('no token named: each host fails, saying what to give', async () => {
    const res = await r.ferry(PLAYBOOK, 'unnamed.json');
    expect(res.code).to.equal(2);
    expect(res.stdout).to.include('token_audit needs a token to look for');
    expect(res.stdout).to.include('give last_eight');
  });
});
