import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argvOf } from '../support/argvOf.js';
import { DEFAULT_ADMIN, startGiteaDouble, type GiteaDouble } from '../support/gitea/index.js';
import { startLab, type Lab } from '../support/lab/index.js';
import { readReport, runFerry, type FerryRun } from '../support/runFerry.js';
import { plantSeedLayout, type EnvStyle } from '../support/seedLayout.js';
import { filesOf } from './rollbackLab.js';

const PLAYBOOK = 'playbooks/rotate-ops-persona.yml';
const STYLES: EnvStyle[] = ['plain', 'crlf-export-duplicate', 'symlink-0640'];
const TOKEN_FILE = '/etc/molecule-bootstrap/personas/ops-automation/token';

// The rotation at its loudest (-vvv --diff, a report), every host's execve traced from its sshd down, then each secret
// in play searched for everywhere it must not be.
describe('secrets, audited: the rotation leaves no secret in any argv, console line, report, diff or wide backup', function () {
  this.timeout(180_000);
  let lab: Lab;
  let gitea: GiteaDouble;
  let work: string;
  let oldToken: string;
  let run: FerryRun;
  let traces: string[];
  let report: any;
  let rollback: FerryRun;
  const newTokens: string[] = [];
  const secrets = () => ({ 'old token': oldToken, 'admin password': DEFAULT_ADMIN.password, ...Object.fromEntries(newTokens.map((t, i) => [`new token ${i + 1}`, t])) });

  before(async () => {
    gitea = await startGiteaDouble({ orgs: [{ name: 'molecule-ai', teams: ['ops'] }] });
    gitea.seedUser({ login: 'hongming', password: 'founder-password-9' });
    oldToken = gitea.seedToken('hongming', 'ceo-delegated', ['all']);
    lab = await startLab({ count: 3 });
    const gid = Number(execFileSync('id', ['-g', 'ferryops'], { encoding: 'utf8' }).trim());
    plantSeedLayout(lab, gitea.url, oldToken, STYLES, gid);
    const inventory = lab.writeInventory({ groups: { operator_hosts: lab.hosts.map((h) => h.name) } });
    work = mkdtempSync(join(tmpdir(), 'ferry-secrets-audit-'));
    const env = { GITEA_ADMIN_USER: DEFAULT_ADMIN.user, GITEA_ADMIN_PASSWORD: DEFAULT_ADMIN.password };
    const common = ['-i', inventory, '--known-hosts', lab.knownHostsFile, '-vvv'];
    const tracing = await Promise.all(lab.hosts.map((h) => lab.traceExecve(h.name)));
    run = await runFerry(['run', PLAYBOOK, ...common, '--diff', '-e', `gitea_url=${gitea.url}`, '--report', join(work, 'run.json')], { env });
    traces = await Promise.all(tracing.map((t) => t.stop()));
    report = readReport(join(work, 'run.json'));
    for (const h of lab.hosts) newTokens.push(readFileSync(h.pathOf(TOKEN_FILE), 'utf8').trim());
    rollback = await runFerry(['rollback', join(work, 'run.json'), ...common, '--check', '--report', join(work, 'rollback.json')]);
  });
  after(async () => {
    await lab?.stop();
    await gitea?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('rotated: one new 40-hex token per host, every step green, the traces saw the consumers run', () => {
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(new Set(newTokens).size).to.equal(3);
    for (const t of newTokens) expect(t).to.match(/^[0-9a-f]{40}$/);
    for (const t of traces) expect(argvOf(t).some((a) => a.startsWith('["curl"')), 'curl ran on the host').to.equal(true);
    expect(run.stdout, 'the highest verbosity was on').to.match(/^<host1> /m);
  });

  it('no secret in any argv on any host (their environments hold it legitimately, argv never)', () => {
    for (const [name, s] of Object.entries(secrets())) {
      traces.forEach((t, i) => expect(argvOf(t).filter((a) => a.includes(s)), `${name} on host${i + 1}`).to.deep.equal([]));
    }
  });

  it('no secret in the console at -vvv, in the JSON report, or in its diffs; the diffs show fingerprints', () => {
    const diffs = Object.values(report.hosts)
      .flatMap((h: any) => h.tasks.flatMap((t: any) => [t, ...(t.items ?? [])]).map((t: any) => t.diff ?? ''))
      .join('\n');
    expect(diffs, 'the env file diff is there, values as fingerprints').to.match(/^-GITEA_TOKEN=\*{4}/m).and.match(/^\+GITEA_TOKEN=\*{4}/m);
    expect(run.stdout).to.match(/GITEA_TOKEN=\*{4}/);
    const text = { console: run.stdout + run.stderr, report: readFileSync(join(work, 'run.json'), 'utf8'), diffs };
    for (const [name, s] of Object.entries(secrets())) {
      for (const [where, t] of Object.entries(text)) expect(t.includes(s), `${name} in the ${where}`).to.equal(false);
    }
  });

  it('every backup keeps exactly its original mode and owner, in a store only root can enter', () => {
    let backups = 0;
    for (const h of lab.hosts) {
      for (const f of filesOf(report, h.name).filter((x: any) => x.backup)) {
        const st = statSync(h.pathOf(f.backup));
        expect([(st.mode & 0o7777).toString(8).padStart(4, '0'), st.uid, st.gid], `${h.name}:${f.backup}`).to.deep.equal([f.before.mode, f.before.uid, f.before.gid]);
        const dir = f.backup.startsWith('/var/backups/ferry/') ? '/var/backups/ferry' : undefined;
        if (dir) expect(statSync(h.pathOf(dir)).mode & 0o777, dir).to.equal(0o700);
        backups++;
      }
      expect(statSync(h.pathOf(TOKEN_FILE)).mode & 0o777).to.equal(0o600);
    }
    expect(backups, 'the env file of each host was backed up').to.be.at.least(3);
  });

  it('a rollback of the rotation (checked, -vvv) shows no secret either', () => {
    expect(rollback.code, rollback.stdout + rollback.stderr).to.equal(0);
    expect(rollback.stdout).to.match(/TASK \[rollback: GITEA_TOKEN= in each env file reads the persona token file\]/);
    expect(rollback.stdout.match(/changed: \[host\d\] => \(item=\/etc\/molecule-bootstrap\/all-credentials\.env\)/g)).to.have.length(3);
    const text = rollback.stdout + rollback.stderr + readFileSync(join(work, 'rollback.json'), 'utf8');
    for (const [name, s] of Object.entries(secrets())) expect(text.includes(s), name).to.equal(false);
  });
});
