/**
 * Sender check and dispatch for the one IPC entry point, as a pure function over a LabCore so it is
 * tested without Electron. ipc.ts feeds it the sender's URL and the raw arguments; the core
 * validates the channel and arguments itself (LabCore.invoke).
 */
import type { LabCore } from '../lab/api';
import { toErrorInfo } from '../lab/errors';
import { describeUntrusted, refusalReason } from '../lab/request-gate';
import type { Logger } from '../lab/util/logger';
import { fail } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { ErrorInfo, LocalizedErrorText } from '../../shared/errors';
import { EVENT_CHANNELS, IPC_EVENT_PREFIX } from '../../shared/ipc';
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

function invalid(message: string, hint: string, zh: LocalizedErrorText): Result<never> {
  const error: ErrorInfo = { code: 'INVALID_ARGUMENT', message, hint, zh };
  return fail(error);
}

/** Echoing untrusted values in errors and logs: the core's one rule (request-gate.ts). */
export { describeUntrusted };

/**
 * Builds the handler behind `ipcMain.handle(IPC_INVOKE, …)`. It never throws: untrusted senders
 * become INVALID_ARGUMENT values, the core's refusals (unknown channel, bad arguments) and
 * exceptions become their ErrorInfo. Argument values are never echoed back or logged, only their shape.
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
      // The core checks the channel and the arguments itself (electron/lab/request-gate.ts).
      const result = await core.invoke(request.channel, request.args);
      const refused = result.ok ? null : refusalReason(result.error);
      // Only the shape of what was refused is logged, never the values.
      if (refused === 'unknown-channel') {
        log?.warn('ipc: unknown request channel', { channel: describeUntrusted(request.channel) });
      } else if (refused === 'invalid-arguments') {
        log?.warn('ipc: invalid arguments', { channel: describeUntrusted(request.channel) });
      }
      return result;
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
