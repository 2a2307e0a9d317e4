import { createHash } from 'node:crypto';
import { fingerprint } from '../../secrets/Redactor.js';
import type { StoredToken } from './tokenFileTypes.js';

/** A token is one line of printable, space-free characters (Gitea's are 40 lowercase hex). */
const TOKEN_LINE = /^[\x21-\x7e]+$/;

// Reads a token file's bytes into a description that holds no secret; the caller registers the value itself.
// `content` is undefined for a file too large to be a token.
export function readStoredToken(isFile: boolean, content: Buffer | undefined): { value?: string; stored: StoredToken } {
  if (!isFile) return { stored: { kind: 'none' } };
  if (content === undefined) return { stored: { kind: 'garbage' } };
  const value = content.toString('utf8').replace(/\r?\n$/, '');
  if (!TOKEN_LINE.test(value)) return { stored: { kind: 'garbage' } };
  return { value, stored: { kind: 'token', last8: value.slice(-8), fingerprint: fingerprint(value), sha256: sha256(value) } };
}

/** Hex sha256 of a token: how a plan compares a literal token with the stored one without holding either. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
