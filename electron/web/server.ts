/**
 * The loopback web bridge: serves the built renderer and the same request/event contract as
 * Electron's IPC over HTTP, for `npm run web` and the renderer tests. Loopback only.
 */
import { chmod, mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { LabCore } from '../lab/api';
import { LabError } from '../lab/errors';
import { silentLogger, type Logger } from '../lab/util/logger';
import { createWebAccess, denyAccess, openSession, TOKEN_PARAM, type WebAccess } from './access';
import { handleEvents } from './events-route';
import { refusal, setSecurityHeaders } from './http-guards';
import { handleInvoke } from './invoke-route';
import { sendError } from './json-reply';
import { serveStatic } from './static-files';
import {
  createUploadBudget,
  DEFAULT_MAX_UPLOAD_BYTES,
  DEFAULT_UPLOAD_BUDGET_BYTES,
  handleUpload,
} from './upload-route';

export interface ServeWebOptions {
  readonly core: LabCore;
  /** The built renderer, normally out/renderer. */
  readonly rendererDir: string;
  /** Only loopback; anything else is refused. */
  readonly host?: '127.0.0.1';
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Where uploaded files are stored. */
  readonly uploadDir: string;
  /** Upload size limit in bytes; 2 GiB by default. */
  readonly maxUploadBytes?: number;
  /** All uploads of this launch together; 4 GiB by default. They are deleted on close. */
  readonly uploadBudgetBytes?: number;
  readonly logger?: Logger;
}

export interface WebServer {
  /** The address to open: carries this launch's token, which the first load trades for a cookie. */
  readonly url: string;
  /** The same address without the token (requests there need the session cookie). */
  readonly origin: string;
  close(): Promise<void>;
}

function methodNotAllowed(response: ServerResponse, allow: string): void {
  sendError(
    response,
    405,
    'INVALID_ARGUMENT',
    'This method is not allowed here.',
    `Use ${allow}.`,
    {
      message: '此处不允许使用这个方法。',
      hint: `请使用 ${allow}。`,
    },
    { allow },
  );
}

/** Starts the web bridge on 127.0.0.1 and resolves once it listens. */
export async function serveWeb(options: ServeWebOptions): Promise<WebServer> {
  const host: string = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') {
    throw new LabError(
      'INVALID_ARGUMENT',
      `The web UI only listens on 127.0.0.1, not ${JSON.stringify(host)}.`,
      {
        hint: 'Its access key travels in plain HTTP: exposing it beyond this computer would hand your phones to anyone on the network.',
        zh: {
          message: `网页界面只监听 127.0.0.1，而不是 ${JSON.stringify(host)}。`,
          hint: '它的访问密钥以明文 HTTP 传输：把它暴露到这台电脑之外，等于把你的手机交给网络上的任何人。',
        },
      },
    );
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LabError('INVALID_ARGUMENT', `Port ${String(port)} is not a valid TCP port.`, {
      hint: 'Pass a number between 1 and 65535, or 0 for any free port.',
      zh: {
        message: `端口 ${String(port)} 不是有效的 TCP 端口。`,
        hint: '请传入 1 到 65535 之间的数字，或传 0 使用任意空闲端口。',
      },
    });
  }
  const logger = options.logger ?? silentLogger;
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const uploads = createUploadBudget(
    options.uploadDir,
    options.uploadBudgetBytes ?? DEFAULT_UPLOAD_BUDGET_BYTES,
  );
  const streams = new Set<() => void>();
  const sockets = new Set<Socket>();
  let boundPort = port;
  // Set once the port is known (the cookie name carries it); no request arrives before that.
  let access: WebAccess | null = null;

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const why = refusal(request, boundPort);
    if (why) {
      logger.warn('web: refused a request', { why });
      response.statusCode = 403;
      setSecurityHeaders(response, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'close',
      });
      response.end('Forbidden: PushLab answers only pages it served on this computer.');
      request.resume();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    if (!access) return denyAccess(request, response, path.startsWith('/api/'), false);
    const token = url.searchParams.get(TOKEN_PARAM);
    if (token !== null && !path.startsWith('/api/') && method === 'GET') {
      if (access.tokenMatches(token)) return openSession(access, url, response);
      logger.warn('web: refused a page with a wrong token');
      return denyAccess(request, response, false, true);
    }
    if (!access.hasSession(request)) {
      logger.warn('web: refused a request without the session cookie', { path: path.slice(0, 80) });
      return denyAccess(request, response, path.startsWith('/api/'), false);
    }

    if (path.startsWith('/api/invoke/')) {
      if (method !== 'POST') return methodNotAllowed(response, 'POST');
      return handleInvoke(options.core, path.slice('/api/invoke/'.length), request, response, logger);
    }
    if (path === '/api/events') {
      if (method !== 'GET') return methodNotAllowed(response, 'GET');
      const end = handleEvents(options.core, request, response, logger);
      streams.add(end);
      request.on('close', () => streams.delete(end));
      return;
    }
    if (path === '/api/upload') {
      if (method !== 'POST') return methodNotAllowed(response, 'POST');
      return handleUpload(request, response, { budget: uploads, maxBytes: maxUploadBytes, logger });
    }
    if (path.startsWith('/api/')) {
      sendError(response, 404, 'NOT_FOUND', 'No such API route.', 'Reload the page.', {
        message: '没有这个 API 路由。',
        hint: '请重新加载页面。',
      });
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(response, 'GET');
    return serveStatic(options.rendererDir, path, request, response);
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      logger.error('web: unhandled error', {
        message: error instanceof Error ? error.message : String(error),
      });
      if (!response.headersSent) {
        sendError(
          response,
          500,
          'INTERNAL',
          'The PushLab web server failed.',
          'Reload the page; restart `npm run web` if it keeps happening.',
          {
            message: 'PushLab 网页服务器出错。',
            hint: '请重新加载页面；如果反复出现，请重启 `npm run web`。',
          },
        );
      } else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  // Uploads hold APKs of unreleased apps: the folder is the user's alone (whatever the umask).
  await mkdir(options.uploadDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') await chmod(options.uploadDir, 0o700);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  access = createWebAccess(boundPort);
  const origin = `http://127.0.0.1:${boundPort}/`;
  logger.info('web: listening', { url: origin });

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}?${TOKEN_PARAM}=${access.token}`,
    origin,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const end of streams) end();
        streams.clear();
        server.close(() => {
          // Uploaded files live only as long as the launch that received them.
          void uploads.removeAll().then(resolve, (error: unknown) => {
            logger.warn('web: could not delete uploads', {
              message: error instanceof Error ? error.message : String(error),
            });
            resolve();
          });
        });
        // Keep-alive and half-finished uploads would hold close() open: end them.
        server.closeIdleConnections();
        setTimeout(() => {
          for (const socket of sockets) socket.destroy();
        }, 200).unref();
      });
      return closing;
    },
  };
}
