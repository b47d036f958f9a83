/**
 * Replies from the /api routes: always a JSON Result, never a stack trace.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorCode, LocalizedErrorText } from '../../shared/errors';
import { fail, type Result } from '../../shared/result';
import { setSecurityHeaders } from './http-guards';

/** Sends a Result as JSON with the given HTTP status. */
export function sendResult(
  response: ServerResponse,
  status: number,
  result: Result<unknown>,
  extra: Readonly<Record<string, string>> = {},
): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const body = JSON.stringify(result);
  response.statusCode = status;
  setSecurityHeaders(response, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(body)),
    ...extra,
  });
  response.end(body);
}

/** Sends an error Result. */
export function sendError(
  response: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  hint: string,
  /** The same message and hint in zh-CN (the page shows it to zh-CN users). */
  zh: LocalizedErrorText,
  extra: Readonly<Record<string, string>> = {},
): void {
  sendResult(response, status, fail({ code, message, hint, zh }), extra);
}
