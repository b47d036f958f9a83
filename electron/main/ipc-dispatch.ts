/**
 * Validate-and-dispatch for the one IPC entry point, as a pure function over a LabCore so it is
 * tested without Electron. ipc.ts feeds it the sender's URL and the raw arguments.
 */
import type { LabCore } from '../lab/api';
import { toErrorInfo } from '../lab/errors';
import type { Logger } from '../lab/util/logger';
import { fail } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { ErrorInfo, LocalizedErrorText } from '../../shared/errors';
import { EVENT_CHANNELS, IPC_EVENT_PREFIX, isRequestChannel, requestSchemas } from '../../shared/ipc';
import type { EventChannel } from '../../shared/ipc';

/** One call as it arrives over IPC: everything except the sender check is untrusted. */
export interface InvokeRequest {
  /** URL of the frame that sent it (null when the frame is gone). */
  readonly senderUrl: string | null;
  /** Only the top-level frame may call; iframes never. */
  readonly isMainFrame: boolean;
  readonly channel: unknown;
  readonly args: unknown;
}

/** Handles one IPC call; resolves to a Result, never rejects. */
export type InvokeDispatcher = (request: InvokeRequest) => Promise<Result<unknown>>;

const MAX_ECHO = 80;

/** Untrusted text made safe to echo in an error: JSON-quoted (no control characters), bounded. */
export function describeUntrusted(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === null || ['number', 'boolean', 'undefined'].includes(typeof value)) text = String(value);
  else text = `<${Array.isArray(value) ? 'array' : typeof value}>`;
  const clipped = text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
  return JSON.stringify(clipped);
}

function invalid(message: string, hint: string, zh: LocalizedErrorText, detail?: string): Result<never> {
  const error: ErrorInfo = {
    code: 'INVALID_ARGUMENT',
    message,
    hint,
    ...(detail === undefined ? {} : { detail }),
    zh,
  };
  return fail(error);
}

function summariseIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map((p) => String(p)).join('.') : '(arguments)';
      return `${where}: ${issue.message}`;
    })
    .join('; ')
    .slice(0, 500);
}

/**
 * Builds the handler behind `ipcMain.handle(IPC_INVOKE, …)`. It never throws: untrusted senders,
 * unknown channels and bad arguments become INVALID_ARGUMENT values, core exceptions become
 * their ErrorInfo. Argument values are never echoed back or logged, only their shape.
 */
export function createInvokeDispatcher(
  core: Pick<LabCore, 'invoke'>,
  options: { isTrustedSender: (url: string) => boolean; logger?: Logger },
): InvokeDispatcher {
  const log = options.logger;
  return async (request) => {
    try {
      if (!request.isMainFrame || request.senderUrl === null || !options.isTrustedSender(request.senderUrl)) {
        log?.warn('ipc: refused a call from a frame that is not the PushLab window', {
          sender: describeUntrusted(request.senderUrl),
        });
        return invalid(
          'Request refused: it did not come from the PushLab window.',
          'Only the PushLab window may call the lab. Reload the window if this keeps happening.',
          {
            message: '请求被拒绝：它不是来自 PushLab 窗口。',
            hint: '只有 PushLab 窗口可以调用实验室。如果反复出现，请重新加载窗口。',
          },
        );
      }
      const { channel } = request;
      if (!isRequestChannel(channel)) {
        log?.warn('ipc: unknown request channel', { channel: describeUntrusted(channel) });
        return invalid(
          `Unknown request channel ${describeUntrusted(channel)}.`,
          'The window and the app are out of step; restart PushLab.',
          {
            message: `未知的请求通道 ${describeUntrusted(channel)}。`,
            hint: '窗口和应用的版本不一致；请重启 PushLab。',
          },
        );
      }
      const parsed = requestSchemas[channel].safeParse(request.args);
      if (!parsed.success) {
        log?.warn('ipc: invalid arguments', { channel });
        return invalid(
          `Invalid arguments for "${channel}".`,
          'Check the values you entered; if they look right, restart PushLab and report this.',
          {
            message: `“${channel}”的参数无效。`,
            hint: '请检查你输入的值；如果看起来没问题，请重启 PushLab 并报告此问题。',
          },
          summariseIssues(parsed.error.issues),
        );
      }
      return await core.invoke(channel, parsed.data);
    } catch (error) {
      log?.error('ipc: request failed unexpectedly', {
        message: error instanceof Error ? error.message : String(error),
      });
      return fail(toErrorInfo(error));
    }
  };
}

/** Sends every core event to the window as `IPC_EVENT_PREFIX + channel`; returns unsubscribe. */
export function forwardCoreEvents(
  core: Pick<LabCore, 'subscribe'>,
  send: (ipcChannel: string, payload: unknown) => void,
  logger?: Logger,
): () => void {
  const allowed = new Set<string>(EVENT_CHANNELS);
  return core.subscribe((event: EventChannel, payload: unknown) => {
    if (!allowed.has(event)) return;
    try {
      send(IPC_EVENT_PREFIX + event, payload);
    } catch (error) {
      // A closing window must not take the core's event loop down with it.
      logger?.warn('ipc: could not deliver an event', {
        event,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
