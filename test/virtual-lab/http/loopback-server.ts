/**
 * The HTTP scaffolding every loopback push fake needs: a server on 127.0.0.1 with a free port,
 * whole request bodies read up to a cap (a bigger body reaches the handler as `tooLarge`), JSON
 * answers, and a close that drops kept-alive connections. The FCM fake and the six vendor
 * emulators (Mi Push, HMS, Honor, OPPO, vivo, Flyme) route on top of it.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8; '' when `tooLarge`. */
  readonly body: string;
  readonly tooLarge: boolean;
}

export interface LoopbackReply {
  readonly status: number;
  /** Sent as JSON. */
  readonly body: unknown;
}

export interface LoopbackServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  close(): Promise<void>;
}

export async function startLoopbackServer(
  handle: (request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>,
  /** port: a fixed port (default any free one). */
  options: { readonly port?: number; readonly maxBodyBytes?: number } = {},
): Promise<LoopbackServer> {
  const max = options.maxBodyBytes ?? 256 * 1024;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const tooLarge = size > max;
      void Promise.resolve(
        handle({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'),
          tooLarge,
        }),
      ).then(
        (reply) => {
          if (res.destroyed) return;
          res
            .writeHead(reply.status, { 'content-type': 'application/json;charset=UTF-8' })
            .end(JSON.stringify(reply.body));
        },
        () => {
          if (!res.destroyed) res.writeHead(500).end();
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
