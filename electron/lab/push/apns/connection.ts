/**
 * One HTTP/2 connection to APNs (Apple wants connections kept open and reused), reopened after
 * Apple or the network closes it. TLS to Apple; cleartext h2c only to a loopback test server.
 * Errors never carry the authorization header.
 */
import {
  connect,
  constants,
  type ClientHttp2Session,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from 'node:http2';
import { LabError } from '../../errors';

export interface Http2Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

export interface ApnsConnection {
  post(
    path: string,
    headers: OutgoingHttpHeaders,
    body: string,
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<Http2Answer>;
  /** Closes the connection (the next post opens a new one). */
  close(): Promise<void>;
}

export interface ApnsConnectionOptions {
  /** Extra CA for a local TLS test server (its self-signed certificate). */
  readonly ca?: string | Buffer;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const MAX_ANSWER_BYTES = 64 * 1024;

const NETWORK_HINTS: Record<string, string> = {
  ECONNREFUSED:
    "Nothing is listening at that address: check sender.baseUrl (leave it out for Apple's servers) and your proxy.",
  ENOTFOUND: "The host name does not resolve: check this computer's network and DNS.",
  EAI_AGAIN: 'DNS lookup failed for now: check the network and run again.',
  ECONNRESET: 'The connection was cut: check the network or proxy and run again.',
  ETIMEDOUT: 'The connection timed out: outgoing port 443 (or 2197) to Apple may be blocked.',
  DEPTH_ZERO_SELF_SIGNED_CERT: "The server's TLS certificate was rejected: check any intercepting proxy.",
  SELF_SIGNED_CERT_IN_CHAIN: "The server's TLS certificate was rejected: check any intercepting proxy.",
  CERT_HAS_EXPIRED:
    "The server's TLS certificate was rejected: check the system clock and any intercepting proxy.",
};

const NETWORK_HINTS_ZH: Record<string, string> = {
  ECONNREFUSED: '该地址上没有服务在监听：请检查 sender.baseUrl（使用 Apple 的服务器时不写）和代理设置。',
  ENOTFOUND: '主机名无法解析：请检查这台电脑的网络和 DNS。',
  EAI_AGAIN: 'DNS 查询暂时失败：请检查网络后重新运行。',
  ECONNRESET: '连接被中断：请检查网络或代理后重新运行。',
  ETIMEDOUT: '连接超时：到 Apple 的出站 443（或 2197）端口可能被封锁。',
  DEPTH_ZERO_SELF_SIGNED_CERT: '服务器的 TLS 证书被拒绝：请检查任何拦截流量的代理。',
  SELF_SIGNED_CERT_IN_CHAIN: '服务器的 TLS 证书被拒绝：请检查任何拦截流量的代理。',
  CERT_HAS_EXPIRED: '服务器的 TLS 证书被拒绝：请检查系统时钟和任何拦截流量的代理。',
};

/** Checks the origin: https anywhere, http (h2c) only on loopback. */
export function apnsOrigin(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname)))
    return new URL(url.origin);
  throw new LabError('INVALID_ARGUMENT', `APNs cannot be reached over ${url.protocol}//${url.hostname}.`, {
    hint: 'Use an https:// base URL (http:// only on 127.0.0.1 or localhost, for a local test server), or leave sender.baseUrl out.',
    zh: {
      message: `无法通过 ${url.protocol}//${url.hostname} 连接 APNs。`,
      hint: '请使用 https:// 基础 URL（http:// 仅限 127.0.0.1 或 localhost 上的本地测试服务器），或者不写 sender.baseUrl。',
    },
  });
}

export function createApnsConnection(origin: URL, options: ApnsConnectionOptions = {}): ApnsConnection {
  const where = origin.host;
  let session: ClientHttp2Session | undefined;

  const open = (): ClientHttp2Session => {
    if (session !== undefined && !session.closed && !session.destroyed) return session;
    const created = connect(origin, options.ca === undefined ? {} : { ca: options.ca });
    // Errors surface on the request's stream; this only keeps an idle failure from crashing.
    created.on('error', () => {});
    const forget = (): void => {
      if (session === created) session = undefined;
    };
    created.on('close', forget);
    created.on('goaway', forget);
    // An idle connection must not keep PushLab (or a test) alive; a pending request has its timer.
    created.unref();
    session = created;
    return created;
  };

  const post: ApnsConnection['post'] = (path, headers, body, { timeoutMs, signal }) =>
    new Promise<Http2Answer>((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelled());
        return;
      }
      let settled = false;
      const client = open();
      const stream = client.request({
        [constants.HTTP2_HEADER_METHOD]: 'POST',
        [constants.HTTP2_HEADER_PATH]: path,
        ...headers,
      });
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        client.off('error', onSessionError);
        fn();
      };
      // A failed connect (refused, TLS) is reported on the session; the stream only sees a cancel.
      const onSessionError = (error: Error): void => finish(() => reject(networkError(error, where)));
      client.on('error', onSessionError);
      const onAbort = (): void => {
        finish(() => reject(cancelled()));
        stream.close(constants.NGHTTP2_CANCEL);
      };
      const timer = setTimeout(() => {
        const seconds = Math.round(timeoutMs / 100) / 10;
        finish(() =>
          reject(
            new LabError('TIMEOUT', `APNs (${where}) did not answer within ${seconds} s.`, {
              hint: 'Check the network (outgoing port 443 to Apple), then run again.',
              zh: {
                message: `APNs（${where}）在 ${seconds} 秒内没有应答。`,
                hint: '请检查网络（到 Apple 的出站 443 端口），然后重新运行。',
              },
            }),
          ),
        );
        stream.close(constants.NGHTTP2_CANCEL);
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });

      let status = 0;
      let answerHeaders: Record<string, string> = {};
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('response', (h: IncomingHttpHeaders) => {
        status = Number(h[constants.HTTP2_HEADER_STATUS] ?? 0);
        answerHeaders = Object.fromEntries(
          Object.entries(h)
            .filter(([k]) => !k.startsWith(':'))
            .map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]),
        );
      });
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          finish(() =>
            reject(
              new LabError('MALFORMED_OUTPUT', `APNs (${where}) answered with more than 64 KiB.`, {
                hint: 'Check that sender.baseUrl points at APNs.',
                zh: {
                  message: `APNs（${where}）的应答超过 64 KiB。`,
                  hint: '请检查 sender.baseUrl 是否指向 APNs。',
                },
              }),
            ),
          );
          stream.close(constants.NGHTTP2_CANCEL);
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () =>
        finish(() =>
          resolve({ status, headers: answerHeaders, text: Buffer.concat(chunks).toString('utf8') }),
        ),
      );
      stream.on('error', (error: Error) =>
        finish(() => reject(networkError(error.cause instanceof Error ? error.cause : error, where))),
      );
      stream.on('close', () => {
        // Closed without an answer: the connection went away (GOAWAY, reset).
        if (status === 0)
          finish(() =>
            reject(
              networkError(
                Object.assign(new Error('stream closed'), {
                  code: session === client ? 'ECONNRESET' : 'GOAWAY',
                }),
                where,
              ),
            ),
          );
      });
      stream.end(body);
    });

  return {
    post,
    close: () =>
      new Promise<void>((resolve) => {
        const current = session;
        session = undefined;
        if (current === undefined || current.closed || current.destroyed) {
          resolve();
          return;
        }
        current.close(() => resolve());
      }),
  };
}

const cancelled = (): LabError =>
  new LabError('CANCELLED', 'The send was stopped because the run was cancelled.', {
    hint: 'Resume the run to send again.',
    zh: { message: '运行已取消，发送已停止。', hint: '继续运行即可再次发送。' },
  });

function networkError(error: Error, where: string): LabError {
  const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  return new LabError('COMMAND_FAILED', `PushLab could not reach APNs at ${where} (${code}).`, {
    hint: NETWORK_HINTS[code] ?? 'Check the network and proxy, then run again.',
    zh: {
      message: `PushLab 无法连接位于 ${where} 的 APNs（${code}）。`,
      hint: NETWORK_HINTS_ZH[code] ?? '请检查网络和代理，然后重新运行。',
    },
  });
}
