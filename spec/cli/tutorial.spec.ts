import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runningDemoPid } from '../support/demoHosts/runningDemoPid.js';
import { REPO } from '../support/runFerry.js';

const SECTIONS = join(REPO, 'README.md');

/** The shell lines of the tutorial, in order, from every ```sh block between its markers. */
function tutorialCommands(): string[] {
  const text = readFileSync(SECTIONS, 'utf8');
  const body = text.slice(text.indexOf('<!-- tutorial:begin -->'), text.indexOf('<!-- tutorial:end -->'));
  expect(body, 'README.md has the tutorial markers').not.to.equal('');
  return [...body.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n')).map((l) => l.trim()).filter(Boolean);
}

/** Runs one line of the tutorial in bash at the repository root, after the lines that set up the shell. */
function shell(setup: string[], line: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', [...setup, line].join('\n')], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** Recap lines of the last PLAY RECAP in some output. */
function recap(out: string): string[] {
  return out.slice(out.lastIndexOf('PLAY RECAP')).split('\n').filter((l) => /^operator-\d +: ok=/.test(l));
}

describe('the README tutorial, command by command as written', function () {
  this.timeout(300_000);
  before(() => {
    // The tutorial's paths are fixed (.ferry/demo/): a demo someone left running would be used and its state is unknown.
    if (runningDemoPid() !== undefined) throw new Error('a demo is running already: stop it with `npm run demo:down` first');
  });
  after(async () => {
    if (runningDemoPid() !== undefined) await shell([], 'npm run --silent demo:down');
  });

  it('starts the demo, validates, runs in check mode, for real, again with changed=0, and stops the demo', async () => {
    const commands = tutorialCommands();
    const kinds = commands.map((c) =>
      c.startsWith('npm run demo:up') ? 'up' : c.startsWith('source ') ? 'env'
        : c.includes(' validate ') ? 'validate' : c.includes(' --check') ? 'check' : c.includes(' --diff') ? 'real'
          : c.includes('ferry run ') ? 'again' : c.startsWith('npm run demo:down') ? 'down' : c,
    );
    expect(kinds).to.deep.equal(['up', 'env', 'validate', 'check', 'real', 'again', 'down']);
    const setup: string[] = [];
    for (const [i, command] of commands.entries()) {
      if (kinds[i] === 'env') {
        setup.push(command);
        continue;
      }
      const { code, out } = await shell(setup, command);
      expect(code, `${command}\n${out}`).to.equal(0);
      const lines = recap(out);
      switch (kinds[i]) {
        case 'up':
          expect(out).to.include('.ferry/demo/inventory.yml');
          expect(out).to.include('export GITEA_ADMIN_USER=');
          break;
        case 'validate':
          expect(out).to.match(/^playbooks\/rotate-ops-persona\.yml: ok /m);
          break;
        case 'check':
          expect(out).to.include('[CHECK MODE]');
          expect(out).to.match(/^\+.*GITEA_TOKEN=\*{4}/m);
          expect(lines).to.have.length(3);
          for (const l of lines) expect(l).to.match(/changed=[1-9].*failed=0/);
          break;
        case 'real':
          expect(out).to.match(/authenticated as ops-automation/);
          expect(lines).to.have.length(3);
          for (const l of lines) expect(l).to.match(/changed=[1-9].*failed=0/);
          break;
        case 'again':
          expect(lines).to.have.length(3);
          for (const l of lines) expect(l).to.match(/changed=0 +unreachable=0 +failed=0/);
          break;
        case 'down':
          expect(existsSync(join(REPO, '.ferry/demo'))).to.equal(false);
          expect(runningDemoPid()).to.equal(undefined);
          break;
      }
    }
  });
});
