/**
 * A virtual phone's adbd: a TCP server speaking the device side of the ADB transport, so the
 * real adb server accepts it through `adb connect 127.0.0.1:PORT`.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { DeviceBackend } from './backend';
import { MAX_PAYLOAD } from './constants';
import { AdbdConnection } from './connection';

/** Options for startAdbd. */
export interface AdbdOptions {
  readonly backend: DeviceBackend;
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** false: the phone asks the host to authenticate and waits for authorize(). */
  readonly authorized?: boolean;
  /** Max payload announced in CNXN (4 KiB .. 1 MiB); default 256 KiB like current adbd. */
  readonly maxPayload?: number;
  /** Models the phone's cable: host-to-phone bytes per second (unset: unthrottled). */
  readonly linkBytesPerSecond?: number;
}

/** A running virtual adbd. */
export interface Adbd {
  readonly port: number;
  readonly host: string;
  /** Whether a host connecting now is let in without the prompt. */
  readonly authorized: boolean;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
  /** The user tapped "Allow": pending connections get their CNXN, future ones go straight in. */
  authorize(): void;
  /** Live host connections. */
  connections(): number;
}

/** Starts a virtual adbd listening on host:port. */
export async function startAdbd(options: AdbdOptions): Promise<Adbd> {
  const host = options.host ?? '127.0.0.1';
  const maxPayload = Math.max(4096, Math.min(options.maxPayload ?? 256 * 1024, MAX_PAYLOAD));
  let authorized = options.authorized ?? true;
  const live = new Set<AdbdConnection>();
  const sockets = new Set<Socket>();

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const connection = new AdbdConnection(socket, {
      backend: options.backend,
      maxPayload,
      isAuthorized: () => authorized,
      onClose: (closed) => live.delete(closed),
      ...(options.linkBytesPerSecond ? { linkBytesPerSecond: options.linkBytesPerSecond } : {}),
    });
    live.add(connection);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('adbd: server has no TCP address');

  let closing: Promise<void> | null = null;
  return {
    port: address.port,
    host,
    get authorized() {
      return authorized;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const connection of [...live]) connection.destroy();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
    authorize() {
      authorized = true;
      for (const connection of live) connection.authorize();
    },
    connections() {
      return live.size;
    },
  };
}
