/**
 * Free TCP ports on 127.0.0.1 for private adb servers and virtual phones. Never in adb's
 * emulator scan range 5554-5585 (a phone there would show up twice) and never 5037.
 */
import { createServer } from 'node:net';

/** True for ports a test must not use. */
export function isReservedAdbPort(port: number): boolean {
  return port === 5037 || (port >= 5554 && port <= 5585);
}

function listenOnce(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A port free right now on `host` (default 127.0.0.1), outside adb's reserved ports. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await listenOnce(host);
    if (port > 0 && !isReservedAdbPort(port)) return port;
  }
  throw new Error('freePort: no usable port after 20 attempts');
}
