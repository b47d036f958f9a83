/**
 * One JSON POST over node:http/https with a hard deadline and a capped answer size. Errors are
 * LabErrors that never carry the request URL: its query holds the UserSig.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LabError } from '../../errors';

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

const MAX_ANSWER_BYTES = 1024 * 1024;

const NETWORK_HINTS: Record<string, string> = {
  ECONNREFUSED: 'Nothing is listening at that address: check the region (base URL) and your proxy settings.',
  ENOTFOUND: 'The host name does not resolve: check the region and this computer\'s network and DNS.',
  EAI_AGAIN: 'DNS lookup failed for now: check the network and try again.',
  ECONNRESET: 'The connection was cut: check the network or proxy and try again.',
  CERT_HAS_EXPIRED: 'The server\'s TLS certificate was rejected: check the system clock and any intercepting proxy.',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'The server\'s TLS certificate was rejected: check any intercepting proxy.',
};

/** Posts `body` as JSON to `url` and resolves with the status and text of the answer. */
export function postJson(url: URL, body: string, options: { timeoutMs: number; what: string }): Promise<HttpAnswer> {
  const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
  if (!send) {
    return Promise.reject(new LabError('INVALID_ARGUMENT', `Unsupported protocol ${url.protocol} for ${options.what}.`, {
      hint: 'Use an https:// base URL (http:// only for a local emulator).',
    }));
  }
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
    });
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new LabError('TIMEOUT', `${options.what} got no answer within ${Math.round(options.timeoutMs / 100) / 10} s.`, {
            hint: 'Check the network and the region setting, then send again.',
          }),
        ),
      );
      req.destroy();
    }, options.timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          finish(() => reject(new LabError('MALFORMED_OUTPUT', `${options.what} answered with more than 1 MB.`, {
            hint: 'Check that the base URL points at Tencent IM\'s REST API.',
          })));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })));
      res.on('error', (error) => finish(() => reject(networkError(error, options.what))));
    });
    req.on('error', (error) => finish(() => reject(networkError(error, options.what))));
    req.end(body);
  });
}

function networkError(error: Error, what: string): LabError {
  const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  return new LabError('COMMAND_FAILED', `${what} could not reach Tencent IM (${code}).`, {
    hint: NETWORK_HINTS[code] ?? 'Check the network, proxy and region setting, then send again.',
  });
}
