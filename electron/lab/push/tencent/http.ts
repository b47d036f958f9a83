/**
 * Tencent IM REST calls: one JSON POST through the shared push HTTP client (deadline, capped
 * answer, errors that never carry the URL — its query holds the UserSig).
 */
import { post, type HttpAnswer } from '../net/http-post';

export type { HttpAnswer };

/** Posts `body` as JSON to `url` and resolves with the status and text of the answer. */
export function postJson(
  url: URL,
  body: string,
  options: { timeoutMs: number; what: string; whatZh?: string },
): Promise<HttpAnswer> {
  return post(url, body, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
    timeoutMs: options.timeoutMs,
    what: options.what,
    ...(options.whatZh === undefined ? {} : { whatZh: options.whatZh }),
    maxBytes: 1024 * 1024,
    refusedHint: 'Nothing is listening at that address: check the region (base URL) and your proxy settings.',
    refusedHintZh: '该地址上没有服务在监听：请检查地区（基础 URL）和代理设置。',
  });
}
