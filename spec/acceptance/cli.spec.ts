import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLab, type Lab } from '../support/lab/index.js';
import { readReport, runFerry } from '../support/runFerry.js';

const NO_STACK = /\n\s+at .*[(:]\d+/;

describe('the built CLI', function () {
  let lab: Lab;
  let work: string;
  before(async () => {
    lab = await startLab({ count: 3 });
  });
  after(async () => lab.stop());
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'ferry-cli-'));
  });

  it('answers --help and --version', async () => {
    const help = await runFerry(['--help']);
    expect(help.code).to.equal(0);
    expect(help.stdout).to.include('ferry run <playbook>');
    const version = await runFerry(['--version']);
    expect(version.stdout.trim()).to.match(/^\d+\.\d+\.\d+$/);
  });

  it('exits 5 with one usage line for bad command-line use', async () => {
    const res = await runFerry(['run']);
    expect(res.code).to.equal(5);
    expect(res.stderr).to.match(/^ERROR: .*(argument|playbook).*ferry --help/im);
    expect(res.stderr).not.to.match(NO_STACK);
    const unknown = await runFerry(['run', 'x.yml', '-i', 'y.yml', '--no-such-flag']);
    expect(unknown.code).to.equal(5);
  });

  it('exits 3 with file:line:col for a playbook that does not load, contacting no host', async () => {
    const pb = join(work, 'bad.yml');
    writeFileSync(pb, '- hosts: all\n  tasks:\n    - comand: ls\n    - copy: { dest: /x, content: 1, bogus: 2 }\n');
    const traces = await Promise.all(lab.hosts.map((h) => lab.traceExecve(h.name)));
    const res = await runFerry(['run', pb, '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile]);
    const texts = await Promise.all(traces.map((t) => t.stop()));
    expect(res.code).to.equal(3);
    expect(res.stderr).to.include(`${pb}:3:7`);
    expect(res.stderr).to.match(/did you mean 'command'/);
    expect(res.stderr).to.include(`${pb}:4:`);
    expect(res.stderr).not.to.match(NO_STACK);
    for (const t of texts) expect(t).not.to.match(/execve\(/);
  });

  it('exits 5 for a --limit that matches no host', async () => {
    const res = await runFerry(['run', 'spec/fixtures/playbooks/ping.yml', '-i', lab.inventoryFile, '--limit', 'nosuchhost']);
    expect(res.code).to.equal(5);
    expect(res.stderr).to.include('nosuchhost');
    expect(res.stderr).not.to.match(NO_STACK);
  });

  it('runs only the --limit hosts', async () => {
    const report = join(work, 'r.json');
    const res = await runFerry(['run', 'spec/fixtures/playbooks/ping.yml', '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--limit', 'host1,host3', '--report', report]);
    expect(res.code, res.stderr).to.equal(0);
    expect(Object.keys(readReport(report).hosts).sort()).to.deep.equal(['host1', 'host3']);
  });

  it('lists the resolved inventory with secrets masked', async () => {
    const inv = lab.writeInventory({ extra: { api_token: 'tok-very-secret-123', color: 'blue' } });
    const res = await runFerry(['inventory', '-i', inv, '--list']);
    expect(res.code, res.stderr).to.equal(0);
    const listing = JSON.parse(res.stdout);
    expect(listing._meta.hostvars.host2.color).to.equal('blue');
    expect(listing._meta.hostvars.host2.ansible_host).to.equal(lab.hosts[1].address);
    expect(res.stdout).not.to.include('tok-very-secret-123');
    expect(listing.lab.hosts).to.deep.equal(['host1', 'host2', 'host3']);
  });

  it('becomes root through sudo -n when logged in as an ordinary user', async () => {
    const inv = lab.writeInventory({ user: 'ferryops' });
    const report = join(work, 'r.json');
    const res = await runFerry(['run', 'spec/fixtures/playbooks/become.yml', '-i', inv, '--known-hosts', lab.knownHostsFile, '--report', report]);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
    for (const h of lab.hosts) {
      const st = statSync(h.pathOf('/etc/ferry-app/root-only.conf'));
      expect([st.uid, st.mode & 0o777]).to.deep.equal([0, 0o600]);
    }
  });

  it('honours ~/.ssh/config (HostName, Port, User, IdentityFile) and an ssh-agent', async () => {
    const home = join(work, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    const [h1, h2] = lab.hosts;
    writeFileSync(
      join(home, '.ssh', 'config'),
      `Host alias-one\n  HostName ${h1.address}\n  Port ${h1.port}\n  User root\n  IdentityFile ${lab.keyFile}\n`,
    );
    const inv = join(work, 'inv.yml');
    writeFileSync(inv, `all:\n  hosts:\n    alias-one:\n    agent-host:\n      ansible_host: ${h2.address}\n      ansible_port: ${h2.port}\n      ansible_user: root\n`);
    const sock = join(work, 'agent.sock');
    const agent = spawnSync('ssh-agent', ['-a', sock], { encoding: 'utf8' });
    const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(agent.stdout)?.[1]);
    try {
      expect(spawnSync('ssh-add', [lab.keyFile], { env: { ...process.env, SSH_AUTH_SOCK: sock } }).status).to.equal(0);
      const report = join(work, 'r.json');
      const res = await runFerry(['run', 'spec/fixtures/playbooks/ping.yml', '-i', inv, '--known-hosts', lab.knownHostsFile, '--report', report], {
        env: { HOME: home, SSH_AUTH_SOCK: sock },
      });
      expect(res.code, res.stdout + res.stderr).to.equal(0);
      const r = readReport(report);
      expect(r.hosts['alias-one'].ok).to.equal(1);
      expect(r.hosts['agent-host'].ok).to.equal(1);
    } finally {
      if (pid) process.kill(pid);
    }
  });

  it('writes the report with mode 0600 and masked diffs', async () => {
    const report = join(work, 'r.json');
    const res = await runFerry(['run', 'spec/fixtures/playbooks/ping.yml', '-i', lab.inventoryFile, '--known-hosts', lab.knownHostsFile, '--report', report]);
    expect(res.code).to.equal(0);
    expect(statSync(report).mode & 0o777).to.equal(0o600);
    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(r.hosts.host1).to.include.keys('ok', 'changed', 'unreachable', 'failed', 'skipped', 'tasks');
    expect(r.hosts.host1.tasks[0]).to.include({ name: 'Host answers', module: 'command', status: 'ok' });
  });
});
