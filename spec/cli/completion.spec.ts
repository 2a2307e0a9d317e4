import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runFerry } from '../support/runFerry.js';
import { CLI } from './support/ferryProcess.js';

/** What bash offers for a command line, the cursor on its last word, with ferry's own script loaded. */
function bashComplete(bin: string, words: string[]): string[] {
  const script = [
    'source <(ferry completion bash)',
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_ferry_completions',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const res = spawnSync('bash', ['-c', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, SHELL: '/bin/bash' } });
  expect(res.status, res.stderr).to.equal(0);
  return res.stdout.split('\n').filter(Boolean);
}

describe('shell completion', function () {
  let bin: string;
  before(() => {
    bin = mkdtempSync(join(tmpdir(), 'ferry-bin-'));
    symlinkSync(CLI, join(bin, 'ferry'));
  });

  describe('bash', () => {
    it('completes commands, options, module names after doc, and bash and zsh after completion', () => {
      expect(bashComplete(bin, ['ferry', 'va'])).to.deep.equal(['validate']);
      expect(bashComplete(bin, ['ferry', 'run', 'x.yml', '--pl'])).to.deep.equal(['--plan-only']);
      expect(bashComplete(bin, ['ferry', 'run', 'x.yml', '--st'])).to.deep.equal(['--step', '--start-at-task']);
      expect(bashComplete(bin, ['ferry', 'doc', 'co'])).to.deep.equal(['command', 'copy']);
      expect(bashComplete(bin, ['ferry', 'completion', ''])).to.deep.equal(['bash', 'zsh']);
    });

    it('completes groups and hosts of the -i inventory after --limit, task names after --start-at-task', () => {
      expect(bashComplete(bin, ['ferry', 'run', 'playbooks/rotate-ops-persona.yml', '-i', 'inventory/operator-hosts.yml', '-l', 'operator'])).to.deep.equal([
        'operator_hosts',
        'operator-1',
        'operator-2',
      ]);
      expect(bashComplete(bin, ['ferry', 'run', 'playbooks/demo.yml', '--start-at-task', 'App'])).to.deep.equal(['"App directory"', '"App config"']);
    });

    it('offers nothing where a file goes, so bash completes file names', () => {
      expect(bashComplete(bin, ['ferry', 'run', ''])).to.deep.equal([]);
      expect(bashComplete(bin, ['ferry', 'run', 'x.yml', '-i', ''])).to.deep.equal([]);
      expect(bashComplete(bin, ['ferry', 'validate', 'x.yml', '--inventory', 'inv'])).to.deep.equal([]);
    });

    it('installs as a bash completion for the ferry command', () => {
      const res = spawnSync('bash', ['-c', 'source <(ferry completion bash) && complete -p ferry'], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
      expect(res.stdout.trim()).to.equal('complete -o bashdefault -o default -F _ferry_completions ferry');
    });
  });

  describe('zsh', () => {
    it('is a compdef script, chosen by name or from the login shell', async () => {
      const named = await runFerry(['completion', 'zsh']);
      expect(named.code).to.equal(0);
      expect(named.stdout).to.match(/^#compdef ferry\n/);
      expect(named.stdout).to.include('compdef _ferry_completions ferry');
      expect(named.stdout).to.include('--get-yargs-completions');
      const byShell = await runFerry(['completion'], { env: { SHELL: '/usr/bin/zsh' } });
      expect(byShell.stdout).to.equal(named.stdout);
      const bash = await runFerry(['completion'], { env: { SHELL: '/bin/bash' } });
      expect(bash.stdout).to.match(/^###-begin-ferry-completions-###\n/);
    });

    it('answers with descriptions, as _describe shows them', async () => {
      const res = await runFerry(['--get-yargs-completions', 'ferry', 'doc', 'co'], { env: { SHELL: 'zsh', ZSH_NAME: 'zsh' } });
      expect(res.code).to.equal(0);
      expect(res.stdout.split('\n').filter(Boolean)).to.deep.equal([
        'command:Run a program with arguments, without a shell (nothing expands, pipes and ; are plain words)',
        'copy:Ensure a file holds the given content (inline or a controller file), with mode, owner and group',
      ]);
      const commands = await runFerry(['--get-yargs-completions', 'ferry', ''], { env: { SHELL: 'zsh' } });
      expect(commands.stdout).to.match(/^validate:check a playbook/m);
    });
  });
});
