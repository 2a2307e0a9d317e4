import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { checkHostKey, hashKnownHostName, knownHostLine, parseKnownHosts } from '../../lib/transport/knownHosts.js';
import { knownHostName, matchPatternList } from '../../lib/transport/hostPattern.js';

const { utils } = ssh2;

/** `type base64` of a fresh ed25519 public key, and its wire form. */
function newKey(): { text: string; wire: Buffer } {
  const text = utils.generateKeyPairSync('ed25519').public.trim().split(/\s+/).slice(0, 2).join(' ');
  const parsed = utils.parseKey(text);
  if (parsed instanceof Error) throw parsed;
  return { text, wire: parsed.getPublicSSH() };
}

const A = newKey();
const B = newKey();
const salt = randomBytes(20);

describe('known_hosts: host names and patterns', function () {
  const names: [string, number, string][] = [
    ['web1.example.org', 22, 'web1.example.org'],
    ['10.0.0.5', 2222, '[10.0.0.5]:2222'],
    ['Web1.Example.ORG', 22, 'web1.example.org'],
  ];
  for (const [address, port, want] of names) {
    it(`${address} port ${port} is looked up as ${want}`, () => expect(knownHostName(address, port)).to.equal(want));
  }

  const patterns: [string, string[], boolean][] = [
    ['web1', ['web1'], true],
    ['web1', ['web2', 'web1'], true],
    ['web1', ['web?'], true],
    ['web10', ['web?'], false],
    ['web1.example.org', ['*.example.org'], true],
    ['web1.example.org', ['*.example.org', '!web1.example.org'], false],
    ['[10.0.0.5]:2222', ['[10.0.0.5]:2222'], true],
    ['[10.0.0.5]:2222', ['10.0.0.5'], false],
    ['10.0.0.5', ['10.0.0.*'], true],
    ['web1', ['!web1'], false],
  ];
  for (const [name, list, want] of patterns) {
    it(`${name} ${want ? 'matches' : 'does not match'} ${list.join(',')}`, () => expect(matchPatternList(name, list)).to.equal(want));
  }
});

describe('known_hosts: checking a presented key', function () {
  const hashed = hashKnownHostName('[127.9.9.1]:2222', salt);
  const table: { title: string; text: string; address: string; port: number; key: Buffer; want: string; line?: number }[] = [
    { title: 'plain entry, same key', text: `web1 ${A.text}`, address: 'web1', port: 22, key: A.wire, want: 'trusted', line: 1 },
    { title: 'plain entry, other key', text: `web1 ${A.text}`, address: 'web1', port: 22, key: B.wire, want: 'changed', line: 1 },
    { title: 'no entry for the host', text: `web2 ${A.text}`, address: 'web1', port: 22, key: A.wire, want: 'unknown' },
    { title: 'empty file', text: '', address: 'web1', port: 22, key: A.wire, want: 'unknown' },
    { title: 'comma-separated list', text: `web2,web1,10.0.0.1 ${A.text}`, address: 'web1', port: 22, key: A.wire, want: 'trusted' },
    { title: '[host]:port form on a non-22 port', text: `[10.0.0.5]:2222 ${A.text}`, address: '10.0.0.5', port: 2222, key: A.wire, want: 'trusted' },
    { title: 'bare host does not cover a non-22 port', text: `10.0.0.5 ${A.text}`, address: '10.0.0.5', port: 2222, key: A.wire, want: 'unknown' },
    { title: '[host]:port does not cover another port', text: `[10.0.0.5]:2222 ${A.text}`, address: '10.0.0.5', port: 2200, key: A.wire, want: 'unknown' },
    { title: 'hashed entry, same key', text: `${hashed} ${A.text}`, address: '127.9.9.1', port: 2222, key: A.wire, want: 'trusted' },
    { title: 'hashed entry, other key', text: `${hashed} ${A.text}`, address: '127.9.9.1', port: 2222, key: B.wire, want: 'changed' },
    { title: 'hashed entry of another host', text: `${hashed} ${A.text}`, address: '127.9.9.2', port: 2222, key: A.wire, want: 'unknown' },
    {
      title: 'comments, blank lines and a broken line are skipped',
      text: `# a comment\n\n   \nnot-a-line\nweb1 ssh-ed25519 !!!notbase64\n  web1 ${A.text} a comment\n`,
      address: 'web1',
      port: 22,
      key: A.wire,
      want: 'trusted',
      line: 6,
    },
    { title: '@revoked key is refused', text: `web1 ${A.text}\n@revoked web1 ${A.text}`, address: 'web1', port: 22, key: A.wire, want: 'revoked', line: 2 },
    { title: '@revoked for all hosts', text: `@revoked * ${A.text}`, address: 'web1', port: 22, key: A.wire, want: 'revoked' },
    { title: '@revoked of another key leaves this one alone', text: `web1 ${A.text}\n@revoked * ${B.text}`, address: 'web1', port: 22, key: A.wire, want: 'trusted' },
    { title: '@cert-authority lines are ignored', text: `@cert-authority * ${A.text}`, address: 'web1', port: 22, key: A.wire, want: 'unknown' },
    { title: 'two keys on record, the second matches', text: `web1 ${B.text}\nweb1 ${A.text}`, address: 'web1', port: 22, key: A.wire, want: 'trusted', line: 2 },
    { title: 'negated pattern excludes the host', text: `*,!web1 ${A.text}`, address: 'web1', port: 22, key: A.wire, want: 'unknown' },
  ];
  for (const row of table) {
    it(`${row.title} → ${row.want}`, () => {
      const verdict = checkHostKey(parseKnownHosts(row.text), row.address, row.port, row.key);
      expect(verdict.kind).to.equal(row.want);
      if (row.line !== undefined) expect(verdict).to.include({ line: row.line });
    });
  }

  it('hashes names as ssh-keygen -H does (HMAC-SHA1 keyed with the salt)', function () {
    const line = hashKnownHostName('web1', Buffer.from('0123456789abcdefghij'));
    expect(line).to.equal('|1|MDEyMzQ1Njc4OWFiY2RlZmdoaWo=|3kA3qyfJ1aIaoEz5z00NovDcp1E=');
  });

  it('matches what ssh-keygen -H writes', async function () {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-kh-'));
    try {
      const file = path.join(dir, 'known_hosts');
      await writeFile(file, `[127.9.9.1]:2222 ${A.text}\nweb7,10.1.1.7 ${B.text}\n`);
      execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
      const text = await readFile(file, 'utf8');
      expect(text).to.not.include('127.9.9.1');
      const entries = parseKnownHosts(text);
      expect(entries.every((e) => e.names.kind === 'hashed')).to.equal(true);
      expect(checkHostKey(entries, '127.9.9.1', 2222, A.wire).kind).to.equal('trusted');
      expect(checkHostKey(entries, '10.1.1.7', 22, B.wire).kind).to.equal('trusted');
      expect(checkHostKey(entries, 'web7', 22, A.wire).kind).to.equal('changed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes a new entry as [address]:port type base64, which reads back as trusted', function () {
    const line = knownHostLine('127.5.5.1', 2222, A.wire);
    expect(line).to.equal(`[127.5.5.1]:2222 ${A.text}`);
    expect(checkHostKey(parseKnownHosts(line), '127.5.5.1', 2222, A.wire).kind).to.equal('trusted');
  });
});
