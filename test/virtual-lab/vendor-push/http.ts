/**
 * The loopback HTTP scaffolding of the vendor push emulators (the same shape the Tencent, FCM and
 * APNs fakes use inline): listen on 127.0.0.1, read the body with a size cap, hand method, path,
 * headers and body to a router, answer with JSON, close every connection on close().
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** null: the body was larger than the cap. */
  readonly body: string | null;
}

export interface LoopbackReply {
  readonly status: number;
  readonly json: unknown;
}

export interface LoopbackServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  close(): Promise<void>;
}

export async function startLoopbackServer(
  route: (request: LoopbackRequest) => LoopbackReply,
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
      const reply = route({
        method: req.method ?? 'GET',
        path: new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
        headers: req.headers,
        body: size > max ? null : Buffer.concat(chunks).toString('utf8'),
      });
      if (res.destroyed) return;
      res
        .writeHead(reply.status, { 'content-type': 'application/json;charset=UTF-8' })
        .end(JSON.stringify(reply.json));
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
