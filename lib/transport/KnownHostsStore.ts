import { appendFile, mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  checkHostKey,
  knownHostLine,
  knownKeyTypes,
  parseKnownHosts,
  type HostKeyVerdict,
  type KnownHostEntry,
} from './knownHosts.js';

// One known_hosts file shared by every connection of a run: read once, appended to when a new key is accepted.
export class KnownHostsStore {
  private entries: Promise<KnownHostEntry[]> | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Entries of the file; a missing file knows no host. */
  load(): Promise<KnownHostEntry[]> {
    this.entries ??= readFile(this.file, 'utf8').then(parseKnownHosts, (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    return this.entries;
  }

  async check(address: string, port: number, key: Buffer): Promise<HostKeyVerdict> {
    return checkHostKey(await this.load(), address, port, key);
  }

  async keyTypes(address: string, port: number): Promise<string[]> {
    return knownKeyTypes(await this.load(), address, port);
  }

  /** Appends `[address]:port type base64` (writes are serialised so concurrent hosts never interleave). */
  async record(address: string, port: number, key: Buffer): Promise<void> {
    const entries = await this.load();
    const line = knownHostLine(address, port, key);
    const write = this.writes.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const current = await readFile(this.file, 'utf8').catch(() => '');
      const sep = current.length > 0 && !current.endsWith('\n') ? '\n' : '';
      await appendFile(this.file, `${sep}${line}\n`, { mode: 0o644 });
    });
    this.writes = write.catch(() => undefined);
    await write;
    entries.push(...parseKnownHosts(line));
  }
}

/** ~/.ssh/known_hosts: where ssh itself looks, the default of every run. */
export function defaultKnownHostsFile(): string {
  return path.join(os.homedir(), '.ssh', 'known_hosts');
}
