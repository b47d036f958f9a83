/**
 * POST /api/invoke/<channel>: the body is the JSON array of arguments. The channel and the
 * arguments are checked against `requestSchemas` before the core sees them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRequestChannel, requestSchemas, type RequestChannel } from '../../shared/ipc';
import { fail } from '../../shared/result';
import type { LabCore } from '../lab/api';
import { toErrorInfo } from '../lab/errors';
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

function summariseIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map(
      (issue) =>
        `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(arguments)'}: ${issue.message}`,
    )
    .join('; ')
    .slice(0, 500);
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
  if (!isRequestChannel(channelName)) {
    const shown = JSON.stringify(channelName.slice(0, 80));
    sendError(
      response,
      404,
      'INVALID_ARGUMENT',
      `Unknown request channel ${shown}.`,
      'The page and the server are out of step; reload the page.',
      {
        message: `未知的请求通道 ${shown}。`,
        hint: '页面和服务器的版本不一致；请重新加载页面。',
      },
    );
    return;
  }
  const channel: RequestChannel = channelName;
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

  const parsed = requestSchemas[channel].safeParse(args);
  if (!parsed.success) {
    logger.warn('web: invalid arguments', { channel });
    sendResult(
      response,
      400,
      fail({
        code: 'INVALID_ARGUMENT',
        message: `Invalid arguments for "${channel}".`,
        hint: 'Check the values you entered; if they look right, reload the page.',
        detail: summariseIssues(parsed.error.issues),
        zh: {
          message: `“${channel}”的参数无效。`,
          hint: '请检查你输入的值；如果看起来没问题，请重新加载页面。',
        },
      }),
    );
    return;
  }

  try {
    // The schema map is keyed by channel, so the parsed tuple matches this channel's arguments.
    const result = await core.invoke(channel, parsed.data);
    sendResult(response, 200, result);
  } catch (error) {
    logger.error('web: request failed unexpectedly', {
      channel,
      message: error instanceof Error ? error.message : String(error),
    });
    sendResult(response, 500, fail(toErrorInfo(error)));
  }
}
