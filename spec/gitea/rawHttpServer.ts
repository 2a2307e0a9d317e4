import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A bare HTTP server on loopback for answers no Gitea gives: HTML, silence, a crash. */
export interface RawHttpServer {
  url: string;
  stop(): Promise<void>;
}

// Stands in for a misbehaving server in front of Gitea, so the client's handling of it can be shown.
export async function startRawHttpServer(listener: RequestListener): Promise<RawHttpServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
