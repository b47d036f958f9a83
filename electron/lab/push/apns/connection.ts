/**
 * One HTTP/2 connection to APNs (Apple wants connections kept open and reused), reopened after
 * Apple or the network closes it. TLS to Apple; cleartext h2c only to a loopback test server.
 * Errors never carry the authorization header.
 */
import { connect, constants, type ClientHttp2Session, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';
import { LabError } from '../../errors';

export interface Http2Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

export interface ApnsConnection {
  post(path: string, headers: OutgoingHttpHeaders, body: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<Http2Answer>;
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
  ECONNREFUSED: 'Nothing is listening at that address: check sender.baseUrl (leave it out for Apple\'s servers) and your proxy.',
  ENOTFOUND: 'The host name does not resolve: check this computer\'s network and DNS.',
  EAI_AGAIN: 'DNS lookup failed for now: check the network and run again.',
  ECONNRESET: 'The connection was cut: check the network or proxy and run again.',
  ETIMEDOUT: 'The connection timed out: outgoing port 443 (or 2197) to Apple may be blocked.',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'The server\'s TLS certificate was rejected: check any intercepting proxy.',
  SELF_SIGNED_CERT_IN_CHAIN: 'The server\'s TLS certificate was rejected: check any intercepting proxy.',
  CERT_HAS_EXPIRED: 'The server\'s TLS certificate was rejected: check the system clock and any intercepting proxy.',
};

/** Checks the origin: https anywhere, http (h2c) only on loopback. */
export function apnsOrigin(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname))) return new URL(url.origin);
  throw new LabError('INVALID_ARGUMENT', `APNs cannot be reached over ${url.protocol}//${url.hostname}.`, {
    hint: 'Use an https:// base URL (http:// only on 127.0.0.1 or localhost, for a local test server), or leave sender.baseUrl out.',
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
      const stream = client.request({ [constants.HTTP2_HEADER_METHOD]: 'POST', [constants.HTTP2_HEADER_PATH]: path, ...headers });
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
        finish(() => reject(new LabError('TIMEOUT', `APNs (${where}) did not answer within ${Math.round(timeoutMs / 100) / 10} s.`, { hint: 'Check the network (outgoing port 443 to Apple), then run again.' })));
        stream.close(constants.NGHTTP2_CANCEL);
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });

      let status = 0;
      let answerHeaders: Record<string, string> = {};
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('response', (h: IncomingHttpHeaders) => {
        status = Number(h[constants.HTTP2_HEADER_STATUS] ?? 0);
        answerHeaders = Object.fromEntries(Object.entries(h).filter(([k]) => !k.startsWith(':')).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
      });
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          finish(() => reject(new LabError('MALFORMED_OUTPUT', `APNs (${where}) answered with more than 64 KiB.`, { hint: 'Check that sender.baseUrl points at APNs.' })));
          stream.close(constants.NGHTTP2_CANCEL);
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => finish(() => resolve({ status, headers: answerHeaders, text: Buffer.concat(chunks).toString('utf8') })));
      stream.on('error', (error: Error) => finish(() => reject(networkError(error.cause instanceof Error ? error.cause : error, where))));
      stream.on('close', () => {
        // Closed without an answer: the connection went away (GOAWAY, reset).
        if (status === 0) finish(() => reject(networkError(Object.assign(new Error('stream closed'), { code: session === client ? 'ECONNRESET' : 'GOAWAY' }), where)));
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

const cancelled = (): LabError => new LabError('CANCELLED', 'The send was stopped because the run was cancelled.', { hint: 'Resume the run to send again.' });

function networkError(error: Error, where: string): LabError {
  const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  return new LabError('COMMAND_FAILED', `PushLab could not reach APNs at ${where} (${code}).`, {
    hint: NETWORK_HINTS[code] ?? 'Check the network and proxy, then run again.',
  });
}
