/**
 * The `window.pushlab` API built over injected transport functions, so it is tested without
 * Electron; index.ts passes ipcRenderer and webUtils. Calls never reject: transport failures
 * come back as error values, like every other Result.
 */
import { EVENT_CHANNELS, IPC_EVENT_PREFIX, IPC_INVOKE } from '../../shared/ipc-channels';
import type {
  EventChannel,
  EventPayloads,
  PushLabBridge,
  RequestArgs,
  RequestChannel,
  RequestResult,
} from '../../shared/ipc';
import { fail, ok } from '../../shared/result';
import type { Result } from '../../shared/result';

/** What the bridge needs from ipcRenderer and webUtils. */
export interface BridgeTransport {
  invoke(ipcChannel: string, ...args: unknown[]): Promise<unknown>;
  /** Adds a listener and returns the function that removes exactly that listener. */
  listen(ipcChannel: string, listener: (payload: unknown) => void): () => void;
  getPathForFile(file: File): string;
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Builds the frozen bridge object exposed to the renderer. */
export function createBridge(transport: BridgeTransport): PushLabBridge {
  const events = new Set<string>(EVENT_CHANNELS);
  const bridge: PushLabBridge = {
    async invoke<C extends RequestChannel>(
      channel: C,
      ...args: RequestArgs<C>
    ): Promise<Result<RequestResult<C>>> {
      try {
        const result = await transport.invoke(IPC_INVOKE, channel, args);
        if (isResult(result)) return result as Result<RequestResult<C>>;
        return fail({
          code: 'INTERNAL',
          message: `The app answered "${String(channel)}" with something unexpected.`,
        });
      } catch (error) {
        return fail({
          code: 'INTERNAL',
          message: `The request "${String(channel)}" could not reach the app: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'Restart PushLab; if it keeps happening, report it with the log file.',
        });
      }
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      if (!events.has(event)) throw new TypeError(`Unknown PushLab event "${String(event).slice(0, 80)}".`);
      if (typeof listener !== 'function') throw new TypeError('A PushLab event listener must be a function.');
      // Only the payload crosses: the IpcRendererEvent (which holds ipcRenderer) never does.
      return transport.listen(IPC_EVENT_PREFIX + event, (payload) => listener(payload as EventPayloads[E]));
    },
    async stageFile(file: File): Promise<Result<string>> {
      let filePath = '';
      try {
        filePath = transport.getPathForFile(file);
      } catch {
        filePath = '';
      }
      if (filePath) return ok(filePath);
      return fail({
        code: 'INVALID_ARGUMENT',
        message: 'This file has no path on disk, so PushLab cannot read it.',
        hint: 'Drag the APK from a folder (Finder, Explorer, Files), not from a browser download bar or an archive.',
      });
    },
  };
  return Object.freeze(bridge);
}
