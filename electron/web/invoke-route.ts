/**
 * POST /api/invoke/<channel>: the body is the JSON array of arguments. This route checks only what
 * HTTP brings (content type, size, JSON); the core checks the channel and the arguments itself
 * (LabCore.invoke), and its refusals become 404 (unknown channel) or 400 (bad arguments).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail } from '../../shared/result';
import type { LabCore } from '../lab/api';
import { toErrorInfo } from '../lab/errors';
import { describeUntrusted, refusalReason } from '../lab/request-gate';
import type { Logger } from '../lab/util/logger';
import { sendError, sendResult } from './json-reply';

/** Request bodies are small argument lists; anything bigger is not ours. */
export const MAX_INVOKE_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Handles one invoke request (method already known to be POST). */
export async function handleInvoke(
  core: LabCore,
  rawChannel: string,
  request: IncomingMessage,
  response: ServerResponse,
  logger: Logger,
): Promise<void> {
  let channelName: string;
  try {
    channelName = decodeURIComponent(rawChannel);
  } catch {
    channelName = rawChannel;
  }
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    sendError(
      response,
      415,
      'INVALID_ARGUMENT',
      'Requests must be sent as application/json.',
      'Use the PushLab page, or send a JSON array of arguments.',
      {
        message: '请求必须以 application/json 发送。',
        hint: '请使用 PushLab 页面，或发送 JSON 参数数组。',
      },
    );
    return;
  }

  let text: string;
  try {
    text = await readBody(request, MAX_INVOKE_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      sendError(
        response,
        413,
        'INVALID_ARGUMENT',
        'The request is too large.',
        'Arguments are small values; files go through /api/upload.',
        {
          message: '请求太大。',
          hint: '参数都是很小的值；文件请通过 /api/upload 上传。',
        },
        { connection: 'close' },
      );
      request.resume();
    } else {
      sendError(response, 400, 'INVALID_ARGUMENT', 'The request body could not be read.', 'Try again.', {
        message: '无法读取请求体。',
        hint: '请重试。',
      });
    }
    return;
  }

  let args: unknown;
  try {
    args = text.trim() === '' ? [] : JSON.parse(text);
  } catch {
    sendError(
      response,
      400,
      'INVALID_ARGUMENT',
      'The request body is not valid JSON.',
      'Send a JSON array of arguments.',
      {
        message: '请求体不是有效的 JSON。',
        hint: '请发送 JSON 参数数组。',
      },
    );
    return;
  }

  try {
    // The core checks the channel and the arguments itself (electron/lab/request-gate.ts).
    const result = await core.invoke(channelName, args);
    const refused = result.ok ? null : refusalReason(result.error);
    if (refused !== null)
      logger.warn('web: refused request', { channel: describeUntrusted(channelName), refused });
    // An unknown channel is a missing resource; arguments that do not fit are a bad request.
    sendResult(response, refused === 'unknown-channel' ? 404 : refused === null ? 200 : 400, result);
  } catch (error) {
    logger.error('web: request failed unexpectedly', {
      channel: describeUntrusted(channelName),
      message: error instanceof Error ? error.message : String(error),
    });
    sendResult(response, 500, fail(toErrorInfo(error)));
  }
}
