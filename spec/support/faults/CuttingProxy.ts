import net from 'node:net';

/** How a proxy misbehaves. */
export interface CutOptions {
  /** Close both sides once this many bytes (both directions together) went through; undefined: never. */
  cutAfter?: number;
}

// A TCP proxy in front of one lab host that breaks the connection on purpose: it forwards bytes both ways, cuts
// (closes both sockets at once) after exactly N of them and resets every later one, or freezes (stops forwarding,
// sockets left open) on demand.
export class CuttingProxy {
  private readonly server: net.Server;
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  private frozen = false;
  /** Bytes forwarded so far, both directions, over every connection. */
  bytes = 0;
  /** How many connections were cut. */
  cuts = 0;

  private constructor(
    readonly address: string,
    readonly port: number,
    server: net.Server,
  ) {
    this.server = server;
  }

  /** Listens on `address` (an ephemeral port) and forwards to `target`. */
  static async start(address: string, target: { address: string; port: number }, opts: CutOptions = {}): Promise<CuttingProxy> {
    let proxy: CuttingProxy | undefined;
    const server = net.createServer((client) => proxy!.accept(client, target, opts));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, address, () => resolve());
    });
    proxy = new CuttingProxy(address, (server.address() as net.AddressInfo).port, server);
    return proxy;
  }

  /** Stops forwarding in both directions, as a network that went silent: nothing is closed. */
  freeze(): void {
    this.frozen = true;
    for (const [a, b] of this.pairs) {
      a.pause();
      b.pause();
    }
  }

  /** Closes every connection and the listener. */
  async close(): Promise<void> {
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket, target: { address: string; port: number }, opts: CutOptions): void {
    // Once cut, the link stays down: a new connection is reset at once.
    if (opts.cutAfter !== undefined && this.bytes >= opts.cutAfter) {
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: target.address, port: target.port });
    const pair: [net.Socket, net.Socket] = [client, upstream];
    this.pairs.add(pair);
    const cut = (): void => {
      if (client.destroyed && upstream.destroyed) return;
      client.destroy();
      upstream.destroy();
    };
    const forward = (from: net.Socket, to: net.Socket): void => {
      from.on('data', (chunk: Buffer) => {
        if (this.frozen) return;
        const room = opts.cutAfter === undefined ? chunk.length : opts.cutAfter - this.bytes;
        if (room <= 0) return;
        const part = room < chunk.length ? chunk.subarray(0, room) : chunk;
        this.bytes += part.length;
        to.write(part);
        if (opts.cutAfter !== undefined && this.bytes >= opts.cutAfter) {
          this.cuts++;
          // The last bytes go out first, then both sides are closed abruptly.
          to.write(Buffer.alloc(0), () => cut());
        }
      });
    };
    forward(client, upstream);
    forward(upstream, client);
    const done = (): void => {
      cut();
      this.pairs.delete(pair);
    };
    client.on('error', done);
    upstream.on('error', done);
    client.on('close', done);
    upstream.on('close', done);
    if (this.frozen) {
      client.pause();
      upstream.pause();
    }
  }
}
