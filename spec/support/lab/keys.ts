import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Every lab key is a fresh ed25519 pair without passphrase: fast to make, and what sshd and ssh2 both accept.
export async function generateKey(file: string, comment: string): Promise<string> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
  return (await readFile(`${file}.pub`, 'utf8')).trim();
}

/** `type base64` of an OpenSSH public key line, without its comment. */
export function keyWithoutComment(publicLine: string): string {
  const [type, blob] = publicLine.trim().split(/\s+/);
  return `${type} ${blob}`;
}
