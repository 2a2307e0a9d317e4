import { randomBytes, randomInt } from 'node:crypto';

const CLASSES = ['abcdefghijkmnopqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '-_.!#%+='];

// The persona never logs in with a password (it uses tokens), yet Gitea wants one: 32 random characters that pass any
// complexity rule Gitea can be set to (lower, upper, digit, special), known to no one once the run ends.
export function randomPassword(): string {
  const body = randomBytes(24).toString('base64url');
  return body + CLASSES.map((c) => c[randomInt(c.length)]).join('');
}
