import { createHmac } from 'node:crypto';
import ssh2 from 'ssh2';
import { knownHostName, matchPatternList } from './hostPattern.js';

const { utils } = ssh2;

/** The hosts part of a known_hosts line: a pattern list, or one hashed name. */
export type KnownHostNames = { kind: 'patterns'; patterns: string[] } | { kind: 'hashed'; salt: Buffer; hash: Buffer };

/** One usable line of a known_hosts file. */
export interface KnownHostEntry {
  /** 1-based line number, for messages. */
  line: number;
  marker?: 'revoked' | 'cert-authority';
  names: KnownHostNames;
  keyType: string;
  /** The key as it travels on the wire (SSH public key blob). */
  key: Buffer;
}

// Reads known_hosts the way OpenSSH does: markers, pattern lists, hashed names; lines it cannot use are skipped.
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === '' || fields[0].startsWith('#')) return;
    let marker: KnownHostEntry['marker'];
    if (fields[0].startsWith('@')) {
      const m = fields.shift()!;
      if (m !== '@revoked' && m !== '@cert-authority') return;
      marker = m === '@revoked' ? 'revoked' : 'cert-authority';
    }
    const [hosts, keyType, blob] = fields;
    if (!hosts || !keyType || !blob) return;
    const names = parseNames(hosts);
    const parsed = utils.parseKey(`${keyType} ${blob}`);
    if (!names || parsed instanceof Error) return;
    entries.push({ line: index + 1, marker, names, keyType, key: parsed.getPublicSSH() });
  });
  return entries;
}

function parseNames(hosts: string): KnownHostNames | undefined {
  if (!hosts.startsWith('|1|')) return { kind: 'patterns', patterns: hosts.split(',').filter(Boolean) };
  const [, , salt, hash] = hosts.split('|');
  if (!salt || !hash) return undefined;
  return { kind: 'hashed', salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/** `|1|salt|hmac` for a name, as `ssh-keygen -H` writes it. */
export function hashKnownHostName(name: string, salt: Buffer): string {
  const hash = createHmac('sha1', salt).update(name).digest();
  return `|1|${salt.toString('base64')}|${hash.toString('base64')}`;
}

/** Does this entry name the host? (`name` as made by knownHostName) */
export function entryNames(entry: KnownHostEntry, name: string): boolean {
  if (entry.names.kind === 'patterns') return matchPatternList(name, entry.names.patterns);
  return createHmac('sha1', entry.names.salt).update(name).digest().equals(entry.names.hash);
}

/** What known_hosts says of the key a host presented. */
export type HostKeyVerdict =
  | { kind: 'trusted'; line: number }
  | { kind: 'unknown' }
  | { kind: 'changed'; line: number }
  | { kind: 'revoked'; line: number };

// Fail closed: a revoked key or any other key on record for the host is never trusted.
export function checkHostKey(entries: readonly KnownHostEntry[], address: string, port: number, key: Buffer): HostKeyVerdict {
  const name = knownHostName(address, port);
  const relevant = entries.filter((e) => e.marker !== 'cert-authority' && entryNames(e, name));
  const revoked = relevant.find((e) => e.marker === 'revoked' && e.key.equals(key));
  if (revoked) return { kind: 'revoked', line: revoked.line };
  const plain = relevant.filter((e) => e.marker === undefined);
  const trusted = plain.find((e) => e.key.equals(key));
  if (trusted) return { kind: 'trusted', line: trusted.line };
  if (plain.length > 0) return { kind: 'changed', line: plain[0].line };
  return { kind: 'unknown' };
}

/** Key types on record for a host, so the handshake can ask for one of those first (as OpenSSH does). */
export function knownKeyTypes(entries: readonly KnownHostEntry[], address: string, port: number): string[] {
  const name = knownHostName(address, port);
  const types = entries.filter((e) => e.marker === undefined && entryNames(e, name)).map((e) => e.keyType);
  return [...new Set(types)];
}

/** The key type named inside an SSH public key blob. */
export function keyTypeOf(key: Buffer): string {
  const length = key.readUInt32BE(0);
  return key.subarray(4, 4 + length).toString('latin1');
}

/** The known_hosts line that records a host's key: `[address]:port type base64`. */
export function knownHostLine(address: string, port: number, key: Buffer): string {
  return `${knownHostName(address, port)} ${keyTypeOf(key)} ${key.toString('base64')}`;
}
