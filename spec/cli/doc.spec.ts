import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModules } from '../../lib/modules/index.js';
import { REPO, runFerry } from '../support/runFerry.js';

describe('ferry doc', () => {
  it('lists every module with its one-line summary', async () => {
    const res = await runFerry(['doc']);
    expect(res.code, res.stderr).to.equal(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).to.have.length(builtinModules.size);
    for (const mod of builtinModules.values()) expect(res.stdout).to.match(new RegExp(`^${mod.name} +${escape(mod.summary)}$`, 'm'));
  });

  it('shows one module: required and optional arguments, type, default, choices, rules and the example', async () => {
    const res = await runFerry(['doc', 'file']);
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.match(/^> FILE {4}Ensure a path/);
    expect(res.stdout).to.match(/^= path\n {8}The path on the host\.\n {8}type: string$/m);
    expect(res.stdout).to.match(/^- state\n(?: {8}.*\n)* {8}choices: file, directory, absent, touch\n {8}default: file$/m);
    expect(res.stdout).to.include('EXAMPLE:');
    const copy = await runFerry(['doc', 'copy']);
    expect(copy.stdout).to.match(/RULES:\n {2}- exactly one of: content \| src/);
  });

  it('refuses a module it does not know, with the nearest name, as a usage error', async () => {
    const res = await runFerry(['doc', 'cpoy']);
    expect(res.code).to.equal(5);
    expect(res.stderr).to.include("no module named 'cpoy' (did you mean 'copy'?)");
  });

  it('writes the whole reference as Markdown, and docs/reference.md is exactly that output', async () => {
    const res = await runFerry(['doc', '--markdown']);
    expect(res.code, res.stderr).to.equal(0);
    for (const mod of builtinModules.values()) expect(res.stdout).to.include(`### ${mod.name}\n`);
    const committed = readFileSync(join(REPO, 'docs/reference.md'), 'utf8');
    expect(committed === res.stdout, 'docs/reference.md is stale: run `npx ferry doc --markdown > docs/reference.md`').to.equal(true);
  });

  it('writes one module as Markdown, with its argument table', async () => {
    const res = await runFerry(['doc', 'env_line', '--markdown']);
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.match(/^### env_line\n/);
    expect(res.stdout).to.match(/^\| `quote` \| string \| {2}\| `auto` \| `auto`, `always`, `never` \|/m);
    expect(res.stdout).not.to.include('## Play keywords');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
