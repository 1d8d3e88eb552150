import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  url: string;
  /** Requests served so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 (an ephemeral port) that answers every request with `body`
 * (Content-Length set to its length). It serves at most `maxRequests` requests (then answers 503)
 * and closes idle connections, so that a test cannot make unbounded traffic.
 */
export async function serveBytes(body: Uint8Array, options: { maxRequests?: number } = {}): Promise<LoopbackServer> {
  const maxRequests = options.maxRequests ?? 3;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    if (requests > maxRequests) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(body.length) });
    res.end(body);
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notMNIST/notMNIST_small.tar.gz`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on: bound, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
