import { FerryError } from '../errors/FerryError.js';
import { KnownHostsStore } from './KnownHostsStore.js';
import { openClient } from './openClient.js';
import { DroppedHandshake } from './DroppedHandshake.js';
import { Semaphore } from './Semaphore.js';
import { SshHost } from './SshHost.js';
import type { ConnectionSpec, HostKeyPolicy, RemoteHost } from './types.js';
import { DEFAULT_CONNECT_TIMEOUT } from './unreachableReason.js';

/** Options of a Transport. */
export interface TransportOptions {
  hostKeys: HostKeyPolicy;
  /** Handshakes in flight at once, over all hosts (default 16), so sshd's MaxStartups is never hit. */
  maxHandshakes?: number;
  /** Channels open at once on one connection (default 4), below sshd's MaxSessions (10). */
  maxChannelsPerHost?: number;
  /** Deadline of every exec that names none (the task timeout; default one hour). */
  execTimeoutMs?: number;
}

/** First wait before trying a dropped handshake again; doubled each time, within the host's connect timeout. */
const FIRST_RETRY_MS = 100;

// One SSH connection per host for the whole run: opened once, shared by every caller, closed together at the end.
export class Transport {
  private readonly hosts = new Map<string, Promise<SshHost>>();
  private readonly handshakeSlots: Semaphore;
  private readonly knownHosts: KnownHostsStore;
  private readonly counts = new Map<string, number>();
  private closed = false;

  constructor(private readonly options: TransportOptions) {
    this.handshakeSlots = new Semaphore(options.maxHandshakes ?? 16);
    this.knownHosts = new KnownHostsStore(options.hostKeys.knownHostsFile);
  }

  /** The host's connection, opening it on first use; concurrent callers share one handshake, a failure is kept. */
  connect(spec: ConnectionSpec): Promise<RemoteHost> {
    if (this.closed) return Promise.reject(new FerryError('INTERNAL', 'the transport is closed', { host: spec.name }));
    let host = this.hosts.get(spec.name);
    if (!host) {
      host = this.open(spec);
      this.hosts.set(spec.name, host);
    }
    return host;
  }

  /** Handshakes started, for one host or all of them. */
  handshakes(name?: string): number {
    if (name !== undefined) return this.counts.get(name) ?? 0;
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  /** Closes every connection; later connects are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const opened = await Promise.allSettled(this.hosts.values());
    await Promise.all(opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value.close()] : [])));
  }

  // A handshake sshd dropped before any login (past its MaxStartups) is tried again with a growing wait, for as long
  // as the host's connect timeout allows; any other failure is final for the run.
  private async open(spec: ConnectionSpec): Promise<SshHost> {
    const deadline = Date.now() + (spec.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT) * 1000;
    for (let wait = FIRST_RETRY_MS; ; wait *= 2) {
      try {
        return await this.handshake(spec);
      } catch (err) {
        if (!(err instanceof DroppedHandshake) || this.closed || Date.now() + wait >= deadline) throw err;
        await new Promise((r) => setTimeout(r, wait + Math.floor(Math.random() * wait)));
      }
    }
  }

  private async handshake(spec: ConnectionSpec): Promise<SshHost> {
    const release = await this.handshakeSlots.acquire();
    try {
      this.counts.set(spec.name, (this.counts.get(spec.name) ?? 0) + 1);
      const { client, broken } = await openClient(spec, this.knownHosts, this.options.hostKeys);
      const host = new SshHost(spec.name, spec.user, client, broken, {
        maxChannels: this.options.maxChannelsPerHost ?? 4,
        execTimeoutMs: this.options.execTimeoutMs,
      });
      if (this.closed) await host.close();
      return host;
    } finally {
      release();
    }
  }
}
