import { expect } from 'chai';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ADMIN, startGiteaDouble, type GiteaDouble } from '../support/gitea/index.js';
import { runFerry, type FerryRun } from '../support/runFerry.js';
import { filesOf, labUserIds, startRollbackLab, type RollbackLab } from './rollbackLab.js';

const TOKEN = '/etc/molecule-bootstrap/personas/ops-automation/token';
const LITERAL = '/etc/ferry-app/lit/secret';
const OLD_LITERAL = 'old-literal-7c41e9a05b2d';
const NEW_LITERAL = 'new-literal-e83f02c6d91a';

/** A rotation in small: a persona token minted over someone else's, and a literal secret replaced or created. */
const PLAYBOOK = `- name: Rotate the tokens
  hosts: lab
  become: true
  tasks:
    - name: Persona token
      token_file:
        path: ${TOKEN}
        persona: ops-automation
        scopes: [read:user]
        gitea_url: "{{ gitea_url }}"
        owner: ferryops
        group: ferryops
    - name: Literal secret
      token_file: { path: ${LITERAL}, token: "{{ lit }}" }
`;

/** What a rollback must never restore: ferry's own store, the lock, logs and the logins' homes. */
const NOT_COMPARED = ['/var/backups', '/tmp', '/var/log', '/root', '/home/ferryops'];

describe('ferry rollback of token_file: the old token file back byte for byte, a new one removed, no secret shown', function () {
  this.timeout(180_000);
  let rl: RollbackLab;
  let gitea: GiteaDouble;
  let theirs: string;
  let run: FerryRun;
  let rollback: FerryRun;
  const minted: Record<string, string> = {};
  const pristine: Record<string, string> = {};
  const afterRun: Record<string, string> = {};
  const hosts = ['host1', 'host2'];
  const ops = labUserIds();
  const tree = (host: string) => rl.lab.hashTree(host, { exclude: NOT_COMPARED });
  const env = { GITEA_ADMIN_USER: DEFAULT_ADMIN.user, GITEA_ADMIN_PASSWORD: DEFAULT_ADMIN.password };
  const ferry = (args: string[]) => runFerry([...args, '--known-hosts', rl.lab.knownHostsFile], { env });
  const secrets = () => ({ 'their token': theirs, 'admin password': DEFAULT_ADMIN.password, 'old literal': OLD_LITERAL, 'new literal': NEW_LITERAL, ...minted });

  before(async () => {
    gitea = await startGiteaDouble({});
    gitea.seedUser({ login: 'ops-automation' });
    gitea.seedUser({ login: 'someone-else' });
    theirs = gitea.seedToken('someone-else', 'theirs', ['read:user']);
    rl = await startRollbackLab(2);
    // host1 has a token file holding a token of the wrong account, and an old literal secret; host2 has neither.
    rl.plant('host1', TOKEN, { text: `${theirs}\n`, mode: 0o600, uid: ops.uid, gid: ops.gid });
    rl.plant('host1', LITERAL, { text: `${OLD_LITERAL}\n`, mode: 0o640, uid: 0, gid: ops.gid });
    for (const h of hosts) pristine[h] = await tree(h);
    const pb = rl.playbook('rotate.yml', PLAYBOOK);
    run = await ferry(['run', pb, '-i', rl.inventory, '-e', `gitea_url=${gitea.url}`, '-e', `lit=${NEW_LITERAL}`, '--diff', '-v', '--report', join(rl.work, 'run.json')]);
    for (const h of hosts) minted[`${h}'s new token`] = readFileSync(rl.host(h).pathOf(TOKEN), 'utf8').trim();
    for (const h of hosts) afterRun[h] = await tree(h);
    rollback = await ferry(['rollback', join(rl.work, 'run.json'), '-v', '--report', join(rl.work, 'rollback.json')]);
  });
  after(async () => {
    await rl?.stop();
    await gitea?.stop();
  });

  it('rotated: a new token of the persona on each host, the literal secret written', () => {
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    for (const t of Object.values(minted)) expect(t).to.match(/^[0-9a-f]{40}$/);
    expect(Object.values(minted)).not.to.include(theirs);
    for (const h of hosts) expect(afterRun[h], `the run changed ${h}`).not.to.equal(pristine[h]);
  });

  it('records each token file with its backup; the old one is kept 0600 with its owner, byte for byte', () => {
    const report = rl.report('run.json');
    const [persona, literal] = filesOf(report, 'host1');
    expect(persona).to.deep.include({ path: TOKEN, backup: `/var/backups/ferry/${report.runId}${TOKEN}`, become: true });
    expect(persona.before).to.deep.include({ mode: '0600', uid: ops.uid, gid: ops.gid });
    expect(rl.seen('host1', persona.backup)).to.deep.equal({ text: `${theirs}\n`, mode: 0o600, uid: ops.uid, gid: ops.gid });
    expect(statSync(rl.host('host1').pathOf(`/var/backups/ferry/${report.runId}`)).mode & 0o777, 'the store is root-only').to.equal(0o700);
    expect(literal.before).to.deep.include({ mode: '0640', uid: 0, gid: ops.gid });
    expect(rl.seen('host1', literal.backup)).to.deep.equal({ text: `${OLD_LITERAL}\n`, mode: 0o640, uid: 0, gid: ops.gid });
    // host2: the directories the run made, then the files it created, each recorded.
    const made = filesOf(report, 'host2').map((f: any) => [f.path, f.before, f.after.type ?? 'file']);
    expect(made).to.deep.equal([
      ['/etc/molecule-bootstrap/personas', 'absent', 'directory'],
      ['/etc/molecule-bootstrap/personas/ops-automation', 'absent', 'directory'],
      [TOKEN, 'absent', 'file'],
      ['/etc/ferry-app/lit', 'absent', 'directory'],
      [LITERAL, 'absent', 'file'],
    ]);
  });

  it('puts every file back as before the run: old bytes, mode and owner; files and directories it made gone', async () => {
    expect(rollback.code, rollback.stdout + rollback.stderr).to.equal(0);
    for (const h of hosts) expect(await tree(h), h).to.equal(pristine[h]);
    expect(rl.seen('host1', TOKEN)).to.deep.equal({ text: `${theirs}\n`, mode: 0o600, uid: ops.uid, gid: ops.gid });
    expect(rl.seen('host1', LITERAL)).to.deep.equal({ text: `${OLD_LITERAL}\n`, mode: 0o640, uid: 0, gid: ops.gid });
    expect(rl.seen('host2', '/etc/molecule-bootstrap/personas')).to.equal('absent');
    expect(rl.seen('host2', '/etc/ferry-app/lit')).to.equal('absent');
  });

  it('says the Gitea side is not undone, which is true: the minted tokens are still there', () => {
    for (const h of hosts) {
      expect(rollback.stdout).to.include(`not undone: Persona token on ${h} (only its file is restored: the token it minted stays in Gitea)`);
    }
    expect(rollback.stdout).not.to.include('not undone: Literal secret');
    expect(gitea.tokens('ops-automation').map((t) => t.last8).sort()).to.deep.equal(Object.values(minted).map((t) => t.slice(-8)).sort());
    expect(rl.report('rollback.json').notUndone.map((g: any) => [g.host, g.module])).to.deep.equal([['host1', 'token_file'], ['host2', 'token_file']]);
  });

  it('shows no secret anywhere: console, diff, report, rollback console and rollback report', () => {
    const text = {
      'run console': run.stdout + run.stderr,
      'run report': readFileSync(join(rl.work, 'run.json'), 'utf8'),
      'rollback console': rollback.stdout + rollback.stderr,
      'rollback report': readFileSync(join(rl.work, 'rollback.json'), 'utf8'),
    };
    expect(text['run console'], 'the diff was shown, as fingerprints').to.match(/\*{4}/);
    for (const [name, s] of Object.entries(secrets())) {
      for (const [where, t] of Object.entries(text)) expect(t.includes(s), `${name} in the ${where}`).to.equal(false);
    }
  });
});
