/**
 * One POST over node:http/https with a hard deadline, cancellation and a capped answer size, for
 * every HTTP/1.1 push backend (Tencent IM REST, Google's token and FCM endpoints). Errors never
 * carry the URL, headers or body: they hold UserSigs, bearer tokens and assertions.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LabError } from '../../errors';

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

export interface PostOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Names the endpoint in errors ("Google's token endpoint"). */
  readonly what: string;
  /** The same name in zh-CN errors (default: `what`, for a name that needs no translation). */
  readonly whatZh?: string;
  /** Largest answer accepted (default 256 KiB). */
  readonly maxBytes?: number;
  /** What to check when nothing listens at the address (the setting that names it). */
  readonly refusedHint?: string;
  readonly refusedHintZh?: string;
}

const MAX_ANSWER_BYTES = 256 * 1024;

const NETWORK_HINTS: Record<string, string> = {
  ECONNREFUSED:
    "Nothing is listening at that address: check the sender's base URL in the plan and your proxy.",
  ENOTFOUND: "The host name does not resolve: check this computer's network and DNS.",
  EAI_AGAIN: 'DNS lookup failed for now: check the network and run again.',
  ECONNRESET: 'The connection was cut: check the network or proxy and run again.',
  CERT_HAS_EXPIRED:
    "The server's TLS certificate was rejected: check the system clock and any intercepting proxy.",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "The server's TLS certificate was rejected: check any intercepting proxy.",
};

const NETWORK_HINTS_ZH: Record<string, string> = {
  ECONNREFUSED: '该地址上没有服务在监听：请检查计划中发送器的基础 URL 和代理设置。',
  ENOTFOUND: '主机名无法解析：请检查这台电脑的网络和 DNS。',
  EAI_AGAIN: 'DNS 查询暂时失败：请检查网络后重新运行。',
  ECONNRESET: '连接被中断：请检查网络或代理后重新运行。',
  CERT_HAS_EXPIRED: '服务器的 TLS 证书被拒绝：请检查系统时钟和任何拦截流量的代理。',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '服务器的 TLS 证书被拒绝：请检查任何拦截流量的代理。',
};

const CHECK_NETWORK_ZH = '请检查网络和代理，然后重新运行。';

export function post(url: URL, body: string, options: PostOptions): Promise<HttpAnswer> {
  const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
  if (!send) {
    return Promise.reject(
      new LabError('INVALID_ARGUMENT', `Unsupported protocol ${url.protocol} for ${options.what}.`, {
        hint: 'Use an https:// URL.',
        zh: { message: `${whatZh(options)} 不支持协议 ${url.protocol}。`, hint: '请使用 https:// URL。' },
      }),
    );
  }
  if (options.signal?.aborted) return Promise.reject(cancelled());
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const req = send(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
    });
    const onAbort = (): void => {
      finish(() => reject(cancelled()));
      req.destroy();
    };
    const timer = setTimeout(() => {
      const seconds = Math.round(options.timeoutMs / 100) / 10;
      finish(() =>
        reject(
          new LabError('TIMEOUT', `${options.what} did not answer within ${seconds} s.`, {
            hint: 'Check the network and proxy, then run again.',
            zh: { message: `${whatZh(options)} 在 ${seconds} 秒内没有应答。`, hint: CHECK_NETWORK_ZH },
          }),
        ),
      );
      req.destroy();
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        const max = options.maxBytes ?? MAX_ANSWER_BYTES;
        if (size > max) {
          const kib = Math.round(max / 1024);
          finish(() =>
            reject(
              new LabError('MALFORMED_OUTPUT', `${options.what} answered with more than ${kib} KiB.`, {
                hint: "Check that the sender's URL points at the right service.",
                zh: {
                  message: `${whatZh(options)} 的应答超过 ${kib} KiB。`,
                  hint: '请检查发送器的 URL 是否指向正确的服务。',
                },
              }),
            ),
          );
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        finish(() => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })),
      );
      res.on('error', (error) => finish(() => reject(networkError(error, options))));
    });
    req.on('error', (error) => finish(() => reject(networkError(error, options))));
    req.end(body);
  });
}

const cancelled = (): LabError =>
  new LabError('CANCELLED', 'The send was stopped because the run was cancelled.', {
    hint: 'Resume the run to send again.',
    zh: { message: '运行已取消，发送已停止。', hint: '继续运行即可再次发送。' },
  });

const whatZh = (options: PostOptions): string => options.whatZh ?? options.what;

function networkError(error: Error, options: PostOptions): LabError {
  const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  const refused = code === 'ECONNREFUSED' && options.refusedHint;
  const hint = refused
    ? options.refusedHint
    : (NETWORK_HINTS[code] ?? 'Check the network and proxy, then run again.');
  const hintZh = refused
    ? (options.refusedHintZh ?? NETWORK_HINTS_ZH[code])
    : (NETWORK_HINTS_ZH[code] ?? CHECK_NETWORK_ZH);
  return new LabError('COMMAND_FAILED', `PushLab could not reach ${options.what} (${code}).`, {
    hint,
    zh: { message: `PushLab 无法连接 ${whatZh(options)}（${code}）。`, hint: hintZh },
  });
}
